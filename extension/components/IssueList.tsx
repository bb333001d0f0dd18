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
          <code>{issue.path}</code> {issue.message}
        </li>
      ))}
      {issues.length > 50 && <li>…</li>}
    </ul>
  );
}
