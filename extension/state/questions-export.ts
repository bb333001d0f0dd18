/**
 * The person's questions as a file they can keep: CSV (spreadsheet-safe: no cell is read as a
 * formula) or JSON. Built in the page, downloaded from it; nothing is sent anywhere.
 */
import type { QuestionView } from '../messaging/protocol.ts';

const COLUMNS = [
  'feed',
  'commitment',
  'title',
  'asked_on',
  'channel',
  'channel_target',
  'answer_due',
  'answered_on',
] as const;

function cell(value: string | undefined): string {
  let text = value ?? '';
  // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell: neutralise it.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The questions as CSV with a header row, CRLF line ends (RFC 4180). */
export function questionsToCsv(questions: readonly QuestionView[]): string {
  const rows = questions.map((q) =>
    [
      q.feedId,
      q.commitmentId,
      q.title,
      q.askedOn,
      q.channel.kind,
      q.channel.target,
      q.dueOn,
      q.answeredOn,
    ]
      .map(cell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The questions as pretty-printed JSON. */
export function questionsToJson(questions: readonly QuestionView[]): string {
  return (
    JSON.stringify(
      questions.map(({ id: _id, ...q }) => q),
      null,
      2,
    ) + '\n'
  );
}
