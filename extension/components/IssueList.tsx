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

/** The parser's reason for refusing a feed, that the pages word themselves, if it gave one. */
export const codeOf = (issues: readonly FeedIssue[] | undefined) =>
  issues?.find((issue) => issue.code)?.code;

/**
 * The parser's own details of a refused feed, for its publisher, under a line saying so: all but
 * those whose reason the page has already said in its own words (their English says no more).
 */
export function PublisherDetails({
  issues,
  lead,
}: {
  issues?: readonly FeedIssue[];
  lead: string;
}) {
  const rest = (issues ?? []).filter((issue) => !issue.code);
  if (rest.length === 0) return null;
  return (
    <>
      <p>{lead}</p>
      <IssueList issues={rest} />
    </>
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
