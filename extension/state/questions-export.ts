/**
 * The person's questions as a file they can keep: CSV (spreadsheet-safe: no cell is read as a
 * formula) or JSON. Built in the page, downloaded from it; nothing is sent anywhere.
 */
import type { Lang } from '../../shared/i18n/lang.ts';
import type { QuestionView } from '../messaging/protocol.ts';

/**
 * The header row in each language, and its separator: a spreadsheet set up in French reads `;`,
 * since its decimal comma leaves `,` to numbers, and opens a file of `,` as one column.
 */
const HEADER: Readonly<
  Record<Lang, { readonly columns: readonly string[]; readonly sep: string }>
> = {
  en: {
    columns: [
      'feed',
      'commitment',
      'title',
      'asked_on',
      'channel',
      'channel_target',
      'answer_due',
      'answered_on',
    ],
    sep: ',',
  },
  fr: {
    columns: [
      'flux',
      'engagement',
      'titre',
      'posée_le',
      'canal',
      'destinataire',
      'réponse_attendue_le',
      'répondue_le',
    ],
    sep: ';',
  },
};

function cell(value: string | undefined): string {
  let text = value ?? '';
  // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell: neutralise it.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The questions as CSV with a header row in `lang`, CRLF line ends (RFC 4180), and a byte-order
 * mark, without which Excel reads the file's UTF-8 as another encoding (« posÃ©e »).
 */
export function questionsToCsv(questions: readonly QuestionView[], lang: Lang): string {
  const { columns, sep } = HEADER[lang];
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
      .join(sep),
  );
  return `\uFEFF${[columns.join(sep), ...rows].join('\r\n')}\r\n`;
}

/**
 * The questions as pretty-printed JSON: what was kept of each, without the place found again in
 * its feed to show it (`question-place.ts`), so that the file has the same fields as before.
 */
export function questionsToJson(questions: readonly QuestionView[]): string {
  return (
    JSON.stringify(
      questions.map(({ id: _id, place: _place, ...q }) => q),
      null,
      2,
    ) + '\n'
  );
}
