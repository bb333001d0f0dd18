/** Writing a command's result to a file or to standard output, and reading a JSON feed. */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../feed/limits.ts';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed, ParseMode, ParseResult } from '../feed/types.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { InputError, isUrl, readInput, refuseWorkbook, type CliIo } from './io.ts';
import { cliLang, say } from './lang.ts';
import { issueLabel, issueMessage, quoted } from './issue-words.ts';

/** What checking and writing a command's files says. */
const messages = defineMessages({
  fr: {
    outUnreadable: (out: string, reason: string) =>
      `--out ${out}\u00a0: ce fichier ne peut pas être lu (${reason})\u00a0; le remplacer perdrait ce qu’il contient\u00a0: corrigez-le, ou supprimez-le pour repartir de zéro`,
    givenTwice: (target: string, other: string) =>
      `${target}\u00a0: déjà donné à ${other}\u00a0; donnez à chacune un fichier distinct`,
    noFolder: (target: string, folder: string) =>
      `${target}\u00a0: le dossier ${folder} n’existe pas\u00a0; créez-le d’abord`,
    isInput: (target: string, input: string | undefined) =>
      `${target}\u00a0: ${input === undefined ? 'ce fichier est lu' : `c’est le fichier ${input}, lu`} par cette commande\u00a0; écrivez dans un autre fichier`,
    isFolder: (target: string) =>
      `${target}\u00a0: c’est un dossier, pas un fichier\u00a0; donnez un nom de fichier`,
    exists: (target: string, alsoAdd: string | undefined) =>
      `${target}\u00a0: le fichier existe déjà (ajoutez --force pour le remplacer${alsoAdd ? `, et ${alsoAdd}` : ''})`,
    couldNotWrite: (file: string, reason: string) =>
      `${file}\u00a0: écriture impossible (${reason})`,
  },
  en: {
    outUnreadable: (out: string, reason: string) =>
      `--out ${out}: cannot be read (${reason}); replacing it would lose what it holds: fix it, or remove it to start anew`,
    givenTwice: (target: string, other: string) =>
      `${target}: also given to ${other}; give each a file of its own`,
    noFolder: (target: string, folder: string) =>
      `${target}: the folder ${folder} does not exist; create it first`,
    isInput: (target: string, input: string | undefined) =>
      `${target}: is ${input === undefined ? 'an input' : `the input ${input}`} of this command; write to another file`,
    isFolder: (target: string) => `${target}: is a folder, not a file; give a file name`,
    exists: (target: string, alsoAdd: string | undefined) =>
      `${target}: already exists (add --force to replace it${alsoAdd ? `, and ${alsoAdd}` : ''})`,
    couldNotWrite: (file: string, reason: string) => `${file}: could not write (${reason})`,
  },
});

/** Where a command writes, and what it must not write over. */
export interface TargetCheck {
  /** The files to write (`undefined` or `-`: standard output), keyed by the option naming them. */
  readonly targets: readonly { readonly option: string; readonly file: string | undefined }[];
  /** The command's input files: never written over, even with --force. */
  readonly inputs: readonly (string | undefined)[];
  /** Replace an existing file (never an input, never a folder). */
  readonly force: boolean;
  /** What else to add beside --force to replace an existing file, such as `--base FILE`. */
  readonly alsoAdd?: string;
}

async function identity(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return `${info.dev}:${info.ino}:${info.isFile() ? 'file' : 'other'}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before anything is read or written, a target that would lose data: an existing file
 * without `force`, a folder, a file in a folder that does not exist, one of the command's own inputs (compared as files on disk, so a
 * symbolic or hard link to the input counts), or the same file given for two outputs. Throws
 * `InputError` (exit 2) naming the option.
 */
export async function checkTargets(check: TargetCheck, io: CliIo): Promise<void> {
  const inputs = new Map<string, string>();
  for (const input of check.inputs) {
    if (input === undefined || input === '-' || isUrl(input)) continue;
    const id = await identity(path.resolve(io.cwd, input));
    if (id !== undefined) inputs.set(id, input);
  }
  const written = new Map<string, string>();
  for (const { option, file } of check.targets) {
    if (file === undefined || file === '-') continue;
    const target = path.resolve(io.cwd, file);
    const named = written.get(target);
    if (named !== undefined)
      throw new InputError(say(messages).givenTwice(`${option} ${file}`, named));
    written.set(target, option);
    const id = await identity(target);
    if (id === undefined) {
      // A file that cannot be made would fail after the others were written.
      const folder = path.dirname(target);
      if ((await identity(folder))?.endsWith(':other') !== true)
        throw new InputError(say(messages).noFolder(`${option} ${file}`, path.dirname(file)));
      continue;
    }
    const input = inputs.get(id);
    if (input !== undefined)
      throw new InputError(
        say(messages).isInput(`${option} ${file}`, input === file ? undefined : input),
      );
    if (!id.endsWith(':file')) throw new InputError(say(messages).isFolder(`${option} ${file}`));
    if (!check.force)
      throw new InputError(say(messages).exists(`${option} ${file}`, check.alsoAdd));
  }
}

/**
 * Writes `text` to `file` (relative to the working directory), or to stdout when no file. Check
 * the target first with `checkTargets`: this writes over what is there.
 */
export async function writeOutput(
  file: string | undefined,
  text: string,
  io: CliIo,
): Promise<void> {
  if (file === undefined || file === '-') {
    io.stdout(text);
    return;
  }
  try {
    await writeFile(path.resolve(io.cwd, file), text);
  } catch (error) {
    throw new InputError(say(messages).couldNotWrite(file, (error as Error).message));
  }
}

/** A count and its English noun, `1 commitment`, `2 commitments`, for the command line's messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Serialises a feed as publishers would commit it: two-space indentation, final newline. */
export function feedJson(feed: unknown): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** `line L, column C` (1-based, as a text editor shows them) of an offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Whether JSON.parse refuses `prefix` for a character in it, not only for ending too soon. */
function brokenBefore(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/.test(message)) return false;
    const position = /at position (\d+)/.exec(message);
    return !(position && Number(position[1]) >= prefix.length);
  }
}

/**
 * The offset of the first character JSON.parse refuses in `text`, for the errors V8 reports
 * without a position (`Unexpected token ']', ..."fr",\n  ],\n"... is not valid JSON`, a comma
 * before a closing bracket). Every prefix of a valid text fails only for ending too soon, and every
 * text longer than a broken prefix is broken too: the shortest broken prefix ends at the culprit.
 */
function syntaxErrorOffset(text: string): number | undefined {
  if (!brokenBefore(text)) return undefined;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (brokenBefore(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/**
 * What to do about the character at `offset` that JSON refuses, for the mistakes of a hand-edited
 * feed: a comma after the last item, a comment, single quotes, a decimal comma (`45,5`).
 */
function trailingCommaNote(text: string, offset: number): string {
  const char = text[offset] ?? '';
  const before = text.slice(0, offset).trimEnd();
  if ((char === ']' || char === '}') && before.endsWith(','))
    return '; remove the comma before it: JSON allows none after the last item';
  if (char === '/') return '; JSON has no comments: remove the comment (// … or /* … */)';
  if (char === "'") return '; JSON puts names and texts between double quotes "…", not single ones';
  if (/\d/.test(char) && /\d,$/.test(before))
    return `; a decimal number takes a point in JSON: ${/\d+,$/.exec(before)?.[0].slice(0, -1) ?? ''}.${/^\d+/.exec(text.slice(offset))?.[0] ?? ''}`;
  return '';
}

/**
 * A JSON syntax error's message with the line and column a text editor shows (1-based) of the
 * character at fault, instead of Node's character offset (`at position N`) or, for an unexpected
 * character, of a few characters of context.
 */
export function withLineAndColumn(message: string, text: string): string {
  const match = /at position (\d+)(?! \(line)/.exec(message);
  if (match) {
    const offset = Number(match[1]);
    return `${message.replace(match[0], `at ${lineAndColumn(text, offset)}`)}${trailingCommaNote(text, offset)}`;
  }
  const unexpected =
    /(Unexpected token '[^]*?'), (?:\.\.\.)?"[^]*"(?:\.\.\.)? is not valid JSON/.exec(message);
  const offset = unexpected ? syntaxErrorOffset(text) : undefined;
  if (!unexpected || offset === undefined) return message;
  return `${message.replace(unexpected[0], `${unexpected[1]} at ${lineAndColumn(text, offset)}`)}${trailingCommaNote(text, offset)}`;
}

/** JSON's syntax errors, as V8 words them, and the notes `withLineAndColumn` adds, in French. */
const JSON_WORDS_FR: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  [/Unexpected end of JSON input/, 'le texte s’arrête avant la fin du JSON'],
  [
    /Unexpected token ('[^]*?')(?:, (?:\.\.\.)?"[^]*"(?:\.\.\.)? is not valid JSON)?/,
    (token: string) => `caractère inattendu ${quoted(token.slice(1, -1))}`,
  ],
  [/Unexpected number in JSON/, 'nombre inattendu'],
  [/Unexpected string in JSON/, 'chaîne de caractères inattendue'],
  [
    /Expected ',' or '\}' after property value in JSON/,
    '«\u00a0,\u00a0» ou «\u00a0}\u00a0» attendu après la valeur d’une propriété',
  ],
  [
    /Expected ',' or '\]' after array element in JSON/,
    '«\u00a0,\u00a0» ou «\u00a0]\u00a0» attendu après un élément de liste',
  ],
  [
    /Expected ':' after property name in JSON/,
    '«\u00a0:\u00a0» attendu après le nom d’une propriété',
  ],
  [/Expected property name or '\}' in JSON/, 'nom de propriété ou «\u00a0}\u00a0» attendu'],
  [
    /Expected double-quoted property name in JSON/,
    'nom de propriété entre guillemets doubles attendu',
  ],
  [
    /Bad control character in string literal in JSON/,
    'caractère de contrôle interdit dans une chaîne de caractères',
  ],
  [/Bad Unicode escape in JSON/, 'séquence d’échappement Unicode invalide'],
  [/Bad escaped character in JSON/, 'caractère échappé invalide'],
  [/Unterminated string in JSON/, 'chaîne de caractères sans guillemet fermant'],
  [/Unexpected non-whitespace character after JSON/, 'texte en trop après la fin du JSON'],
  [/Exponent part is missing a number in JSON/, 'exposant sans chiffre'],
  [/Unterminated fractional number in JSON/, 'nombre décimal sans chiffre après le point'],
  [/No number after minus sign in JSON/, 'aucun chiffre après le signe moins'],
  [
    / at line (\d+), column (\d+)/,
    (line: string, column: string) => ` à la ligne ${line}, colonne ${column}`,
  ],
  [
    / at position (\d+) \(line (\d+) column (\d+)\)/,
    (_offset: string, line: string, column: string) => ` à la ligne ${line}, colonne ${column}`,
  ],
  [/ at position (\d+)/, (offset: string) => ` à la position ${offset}`],
  [
    /; remove the comma before it: JSON allows none after the last item/,
    '\u00a0; supprimez la virgule qui le précède\u00a0: JSON n’en admet aucune après le dernier élément',
  ],
  [
    /; JSON has no comments: remove the comment \(\/\/ … or \/\* … \*\/\)/,
    '\u00a0; JSON n’admet pas de commentaires\u00a0: supprimez le commentaire (// … ou /* … */)',
  ],
  [
    /; JSON puts names and texts between double quotes "…", not single ones/,
    '\u00a0; JSON met les noms et les textes entre guillemets doubles «\u00a0"…"\u00a0», pas entre apostrophes',
  ],
  [
    /; a decimal number takes a point in JSON: /,
    '\u00a0; en JSON, un nombre décimal s’écrit avec un point\u00a0: ',
  ],
];

/**
 * A JSON syntax error in a file that is not a feed (V8's message, after `withLineAndColumn`), in
 * this run's language, as `issueMessage` says those of a feed.
 */
export function jsonErrorText(message: string): string {
  if (cliLang() === 'en') return message;
  let text = message;
  for (const [pattern, words] of JSON_WORDS_FR)
    text = text.replace(pattern, (_match, ...groups: string[]) =>
      typeof words === 'string' ? words : words(...groups),
    );
  return text;
}

/**
 * A feed's issue as a line of a command's report: `error    feed.json: commitments[0].title: …`,
 * in this run's language.
 */
export function issueLine(
  kind: 'error' | 'warning',
  source: string | undefined,
  issue: { readonly path: string; readonly message: string },
): string {
  const colon = cliLang() === 'fr' ? '\u00a0: ' : ': ';
  const from = source === undefined || source === '' ? '' : `${source}${colon}`;
  return `${issueLabel(kind)}${from}${issue.path}${colon}${issueMessage(issue.message)}\n`;
}

/**
 * Whether a feed could not be read at all: its bytes are not UTF-8 text, or its text is not JSON
 * (empty, cut short, mistyped). Such a file is unreadable, not an invalid feed.
 */
export function unreadable(result: ParseResult): boolean {
  return !result.ok && result.errors.some((issue) => issue.code === 'not-json');
}

/**
 * Reads and parses a feed from a file or URL (`onHeaders` is told the answer's headers, `onBytes`
 * the bytes read). Throws `InputError` when it cannot be read or is over the size limit.
 */
export async function loadFeed(
  source: string,
  io: CliIo,
  mode: ParseMode,
  timeoutMs: number,
  onHeaders?: (headers: Headers) => void,
  onBytes?: (bytes: Uint8Array) => void,
): Promise<ParseResult> {
  const bytes = await readInput(source, io, {
    timeoutMs,
    maxBytes: DEFAULT_LIMITS.maxBytes,
    ...(onHeaders ? { onHeaders } : {}),
  });
  refuseWorkbook(source, bytes, 'feed');
  onBytes?.(bytes);
  const result = parseFeed(bytes, { mode, maxBytes: DEFAULT_LIMITS.maxBytes });
  if (result.ok || !unreadable(result)) return result;
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  return {
    ...result,
    errors: result.errors.map((issue) => ({
      ...issue,
      message: withLineAndColumn(issue.message, text),
    })),
  };
}

/** What a command finds at its `--out` before it replaces it with `--force`. */
export type ExistingOut =
  | { readonly kind: 'feed'; readonly feed: Feed }
  /** Nothing there, or something that is not a feed: replacing it loses no feed. */
  | { readonly kind: 'other' };

/**
 * Reads the file at `--out` that `--force` would replace, so that a command can refuse to erase a
 * feed holding what it does not write again. Throws `InputError` for a JSON object that cannot be
 * read (a comma missing): it may be such a feed, so it is kept.
 */
export async function existingOut(out: string, io: CliIo): Promise<ExistingOut> {
  let text = '';
  let result: ParseResult;
  try {
    result = await loadFeed(out, io, 'tolerant', 30_000, undefined, (bytes) => {
      text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    });
  } catch {
    return { kind: 'other' };
  }
  if (result.ok) return { kind: 'feed', feed: result.feed };
  const fault = result.errors.find((issue) => issue.code === 'not-json');
  if (fault && text.trimStart().startsWith('{'))
    throw new InputError(say(messages).outUnreadable(out, issueMessage(fault.message)));
  return { kind: 'other' };
}
