import type { FeedIssue } from '../../shared/index.ts';

/** Problems found in a feed, each with the JSON path where it is. */
export function IssueList({ issues }: { issues: readonly FeedIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul>
      {issues.slice(0, 50).map((issue, i) => (
        <li key={i}>
          <code>{issue.path}</code> {issue.message}
        </li>
      ))}
      {issues.length > 50 && <li>…</li>}
    </ul>
  );
}
