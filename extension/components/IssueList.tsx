import type { FeedIssue } from '../../shared/index.ts';

/**
 * Problems found in a feed, each with the JSON path where it is. The parser writes them in
 * English whatever the interface language, so the list says so (`lang="en"`).
 */
export function IssueList({ issues }: { issues: readonly FeedIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul lang="en">
      {issues.slice(0, 50).map((issue, i) => (
        <li key={i}>
          <code>{visible(issue.path)}</code> {visible(issue.message)}
        </li>
      ))}
      {issues.length > 50 && <li>…</li>}
    </ul>
  );
}

/**
 * An issue's text with the feed's direction controls written as escapes (`\u202E`): the parser
 * quotes the feed's values, and an override left open in one would turn the rest of the line
 * around, while the escape tells the publisher what to look for.
 */
function visible(text: string): string {
  return text.replace(
    /[\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
