/**
 * What the commands touch outside themselves, passed in so that tests run them in-process with
 * fakes: output streams, `fetch`, the clock and the working directory.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { defineMessages } from '../i18n/define-messages.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { cliLang, say } from './lang.ts';

/** The side effects a command may use. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** Relative paths are read and written from here. */
  readonly cwd: string;
  /** The standard input, read where a command is given `-` for a file; absent in tests. */
  readonly stdin?: () => ReadableStream<Uint8Array>;
  /** The language of the messages (`langFromEnv` for the real process); English when absent. */
  readonly lang?: Lang;
  /**
   * The words that run this command line again from the working directory, as the person ran it
   * (`invocation` for the real process: `npx open-commitments`, `node bin/open-commitments.js`),
   * for the commands a message tells them to type; `open-commitments` when absent.
   */
  readonly invocation?: string;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Valid, done, or (diff) nothing changed. */
  ok: 0,
  /** Invalid input, or (diff) something changed. */
  invalid: 1,
  /** Could not read, fetch or write; or a usage error. */
  trouble: 2,
} as const;

/** A failure to read, fetch or write: exit code 2, with a message naming the file or URL. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * The words for a failed connection's code, when the person can act on it: a name no server has
 * (a typing error), a name or a network out of reach (this computer offline, or behind a proxy), a
 * server that does not answer, a refused or cut connection, a certificate that browsers would
 * refuse too.
 */
function plainCause(code: string): string | undefined {
  const m = say(messages);
  if (code === 'ENOTFOUND') return m.notFound;
  if (code === 'EAI_AGAIN' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return m.offline;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return m.noAnswer;
  if (code === 'ECONNREFUSED') return m.refused;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return m.cut;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|^ERR_TLS/.test(code)) return m.certificate;
  return undefined;
}

/** What reading an input says when it cannot. */
const messages = defineMessages({
  fr: {
    bytes: 'octets',
    mib: 'Mio',
    largerThan: (source: string, limit: string) =>
      `${source}\u00a0: dépasse la limite de ${limit}\u00a0; lecture arrêtée à cette limite`,
    tooLarge: (source: string, size: string, limit: string) =>
      `${source}\u00a0: ${size}, au-delà de la limite de ${limit}`,
    serverAnswered: (source: string, status: number, statusText: string) =>
      `${source}\u00a0: le serveur a répondu ${`${status} ${statusText}`.trim()}`,
    timedOut: (source: string, seconds: number) =>
      `${source}\u00a0: pas de réponse complète en ${formatNumber(seconds, 'fr')}\u00a0s (délai modifiable avec --timeout)`,
    couldNotFetch: (source: string, reason: string) =>
      `${source}\u00a0: téléchargement impossible (${reason})`,
    couldNotReach: (source: string, why: string, code: string) =>
      `${source}\u00a0: téléchargement impossible\u00a0: ${why} (${code})`,
    notFound: 'aucun serveur ne porte ce nom, vérifiez l’adresse',
    offline:
      'le serveur est hors d’atteinte\u00a0: vérifiez que cet ordinateur est connecté à Internet (ou le proxy qu’il doit utiliser)',
    noAnswer:
      'le serveur ne répond pas\u00a0: il est peut-être arrêté, ou un pare-feu bloque la connexion',
    refused: 'le serveur refuse la connexion',
    cut: 'la connexion a été coupée',
    certificate:
      'le certificat du serveur n’est pas valide, et les navigateurs refuseront aussi de lire ce flux',
    noStdin: '-\u00a0: aucune entrée standard à lire',
    stdinTwice: '-\u00a0: l’entrée standard ne peut être lue qu’une fois',
    standardInput: 'entrée standard',
    notLocal: (source: string) =>
      `${source}\u00a0: seuls les fichiers locaux et les adresses http(s) peuvent être lus`,
    notAFile: (source: string) => `${source}\u00a0: ce n’est pas un fichier`,
    noSuchFile: (source: string) => `${source}\u00a0: fichier introuvable`,
    workbook: {
      sheet: (source: string) =>
        `${source}\u00a0: c’est un classeur de tableur, pas un CSV\u00a0: enregistrez-le depuis le tableur au format «\u00a0CSV UTF-8 (délimité par des virgules)\u00a0» (Fichier > Enregistrer sous)`,
      json: (source: string) =>
        `${source}\u00a0: c’est un classeur de tableur, pas un fichier JSON`,
      feed: (source: string) =>
        `${source}\u00a0: c’est un classeur de tableur, pas un flux\u00a0: enregistrez sa feuille au format «\u00a0CSV UTF-8 (délimité par des virgules)\u00a0» (Fichier > Enregistrer sous), puis import csv en fait un flux`,
    },
  },
  en: {
    bytes: 'bytes',
    mib: 'MiB',
    largerThan: (source: string, limit: string) =>
      `${source}: larger than the limit of ${limit}; stopped reading there`,
    tooLarge: (source: string, size: string, limit: string) =>
      `${source}: ${size}, larger than the limit of ${limit}`,
    serverAnswered: (source: string, status: number, statusText: string) =>
      `${source}: the server answered ${status} ${statusText}`.trim(),
    timedOut: (source: string, seconds: number) =>
      `${source}: no complete answer within ${seconds} s (change it with --timeout)`,
    couldNotFetch: (source: string, reason: string) => `${source}: could not fetch (${reason})`,
    couldNotReach: (source: string, why: string, code: string) =>
      `${source}: could not fetch: ${why} (${code})`,
    notFound: 'no server has that name; check the address',
    offline:
      'the server is out of reach; check that this computer is online (or the proxy it must use)',
    noAnswer: 'the server does not answer; it may be down, or a firewall may block the connection',
    refused: 'the server refused the connection',
    cut: 'the connection was cut',
    certificate:
      "the server's certificate is not valid, and browsers will refuse to read this feed too",
    noStdin: '-: there is no standard input to read',
    stdinTwice: '-: the standard input can be read only once',
    standardInput: 'standard input',
    notLocal: (source: string) => `${source}: only local files and http(s) URLs can be read`,
    notAFile: (source: string) => `${source}: not a file`,
    noSuchFile: (source: string) => `${source}: no such file`,
    workbook: {
      sheet: (source: string) =>
        `${source}: a spreadsheet workbook, not CSV: save it from the spreadsheet as "CSV UTF-8 (comma delimited)" (File > Save As)`,
      json: (source: string) => `${source}: a spreadsheet workbook, not a JSON file`,
      feed: (source: string) =>
        `${source}: a spreadsheet workbook, not a feed: save its sheet as "CSV UTF-8 (comma delimited)" (File > Save As), then import csv turns it into a feed`,
    },
  },
});

/** The first bytes of a spreadsheet workbook: a zip archive (.xlsx, .ods), an OLE file (.xls). */
const WORKBOOK_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
];

/**
 * Refuses a spreadsheet workbook read where a CSV sheet, a JSON file or a feed is expected (a
 * publisher gives the .xlsx they edit rather than the CSV saved from it): decoded as text, its
 * bytes would be reported as another encoding or as unknown columns, which sends the publisher
 * the wrong way.
 */
export function refuseWorkbook(
  source: string,
  bytes: Uint8Array,
  expected: 'sheet' | 'json' | 'feed',
): void {
  if (WORKBOOK_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte)))
    throw new InputError(say(messages).workbook[expected](source));
}

/** The message for the standard input read a second time (`main` reads it at most once). */
export function stdinReadTwice(): InputError {
  return new InputError(say(messages).stdinTwice);
}

/** A file name or command word as a shell reads it: in double quotes when it holds a space or such. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(word) ? word : `"${word}"`;
}

/**
 * How to run this command line again from `cwd`, given the script Node runs (`process.argv[1]`):
 * `npx open-commitments` when npx ran it (npx finds it only in the project's folder, where the
 * person is), `open-commitments` for a command on the PATH, and otherwise `node` and the script's
 * path, relative when it is under `cwd`. `npx open-commitments` printed to someone who ran the
 * script by its path would send npx looking for a package online.
 */
export function invocation(script: string | undefined, cwd: string): string {
  if (script === undefined || script === '') return 'open-commitments';
  const parts = script.split(/[\\/]/);
  if (parts.includes('_npx') || parts.includes('node_modules')) return 'npx open-commitments';
  if (!/\.[cm]?[jt]s$/i.test(script)) return shellWord(path.basename(script));
  const relative = path.relative(cwd, script);
  const near = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return `node ${shellWord(near ? relative : script)}`;
}

/** True for what `readInput` fetches rather than reads from disk. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Options of `readInput`. */
export interface ReadOptions {
  /** Give up fetching after this many milliseconds. */
  readonly timeoutMs: number;
  /** Refuse a file or answer larger than this many bytes. */
  readonly maxBytes: number;
  /** Told the headers of a successful http(s) answer, before its body is read. */
  readonly onHeaders?: (headers: Headers) => void;
}

/** A count of bytes as a person reads it: `20,971,520 bytes`, `20 971 520 octets`. */
export function bytesText(n: number): string {
  return `${formatNumber(n, cliLang())} ${say(messages).bytes}`;
}

/** `20 MiB (20,971,520 bytes)`, `20 Mio (20 971 520 octets)`: a size limit as a person reads it. */
export function limitText(maxBytes: number): string {
  const mib = maxBytes / (1024 * 1024);
  const bytes = bytesText(maxBytes);
  return Number.isInteger(mib)
    ? `${formatNumber(mib, cliLang())} ${say(messages).mib} (${bytes})`
    : bytes;
}

/** The message for an input over the limit: its size, or only "larger" for an endless answer. */
function tooLarge(source: string, size: number | undefined, maxBytes: number): InputError {
  const words = say(messages);
  return new InputError(
    size === undefined
      ? words.largerThan(source, limitText(maxBytes))
      : words.tooLarge(source, bytesText(size), limitText(maxBytes)),
  );
}

async function readCapped(
  source: string,
  response: Response,
  maxBytes: number,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(source, declared, maxBytes);
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge(source, bytes.byteLength, maxBytes);
    return bytes;
  }
  return readStreamCapped(source, response.body, maxBytes);
}

/** All of a stream's bytes, or an `InputError` as soon as there are more than `maxBytes`. */
async function readStreamCapped(
  source: string,
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(source, undefined, maxBytes);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The bytes of a local file, of an http(s) URL, or of the standard input for `-`. Throws `InputError` (exit 2) when the file is
 * missing, the server answers with an error, nothing arrives within `timeoutMs`, or there are
 * more than `maxBytes` (the same exit code for a feed and a spreadsheet: the input is unreadable
 * to the command, and its size, not its content, is what to fix).
 */
export async function readInput(
  source: string,
  io: CliIo,
  options: ReadOptions,
): Promise<Uint8Array> {
  if (isUrl(source)) {
    let response: Response;
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      response = await io.fetch(source, {
        signal,
        headers: {
          accept: 'application/vnd.open-commitments+json, application/json;q=0.9, */*;q=0.1',
        },
      });
      if (!response.ok)
        throw new InputError(
          say(messages).serverAnswered(source, response.status, response.statusText),
        );
      options.onHeaders?.(response.headers);
      return await readCapped(source, response, options.maxBytes);
    } catch (error) {
      if (error instanceof InputError) throw error;
      if (signal.aborted) {
        throw new InputError(say(messages).timedOut(source, options.timeoutMs / 1000));
      }
      // A cause a publisher can act on, said in words (its code kept, to search for); any other
      // as Node gives it.
      const code =
        error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
      const why = typeof code === 'string' ? plainCause(code) : undefined;
      if (why !== undefined)
        throw new InputError(say(messages).couldNotReach(source, why, code as string));
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new InputError(
        say(messages).couldNotFetch(
          source,
          `${error instanceof Error ? error.message : String(error)}${cause}`,
        ),
      );
    }
  }
  if (source === '-') {
    if (io.stdin === undefined) throw new InputError(say(messages).noStdin);
    return readStreamCapped(say(messages).standardInput, io.stdin(), options.maxBytes);
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) {
    throw new InputError(say(messages).notLocal(source));
  }
  const file = path.resolve(io.cwd, source);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(say(messages).notAFile(source));
    if (info.size > options.maxBytes) throw tooLarge(source, info.size, options.maxBytes);
    const bytes = new Uint8Array(await readFile(file));
    // A file that grew since `stat`.
    if (bytes.byteLength > options.maxBytes)
      throw tooLarge(source, bytes.byteLength, options.maxBytes);
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? say(messages).noSuchFile(source)
        : `${source}${cliLang() === 'fr' ? '\u00a0' : ''}: ${(error as Error).message}`,
    );
  }
}

/**
 * Control characters a terminal would act on (C0 but for tab and line feed, DEL, C1), and the
 * bidirectional overrides and isolates: a feed's text may carry them, and printed as they are
 * they could recolour, retitle or clear the terminal, hide what follows, or show the words of a
 * line in another order than they are.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each terminal control character written as its `\u` escape, visible and inert. */
export function inertOnTerminal(text: string): string {
  return text.replace(
    TERMINAL_CONTROLS,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Writes to `stream`: on a terminal, with control characters made visible (`inertOnTerminal`);
 * into a file or a pipe, byte for byte, so that a feed or a spreadsheet written there is exact.
 */
export function writerFor(stream: {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}): (text: string) => void {
  return stream.isTTY
    ? (text) => void stream.write(inertOnTerminal(text))
    : (text) => void stream.write(text);
}
