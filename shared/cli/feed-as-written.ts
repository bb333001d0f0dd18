/**
 * A feed's commitments as its file writes them, for `export csv`: a reader drops what it cannot
 * read (a date written 30/06/2027, the second commitment of an id, an unknown status), and a sheet
 * made from what it keeps would lose those values for good once imported back. The sheet takes
 * them as they are instead, and the import reports each at its row and column.
 */
import type { Commitment, Feed } from '../feed/types.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { say } from './lang.ts';

/** What a value that no cell can hold says, in each language. */
const messages = defineMessages({
  fr: {
    notCell: (found: string) =>
      `${found} ne tient pas dans une cellule du tableur\u00a0; corrigez cette valeur dans le flux, puis exportez à nouveau`,
    notRow: (found: string) =>
      `${found} au lieu d’un engagement (un objet)\u00a0; corrigez-le dans le flux, puis exportez à nouveau`,
    object: 'un objet',
    array: 'une liste',
    value: 'cette valeur',
  },
  en: {
    notCell: (found: string) =>
      `${found} cannot go in a cell of the sheet; correct this value in the feed, then export again`,
    notRow: (found: string) =>
      `${found} instead of a commitment (an object); correct it in the feed, then export again`,
    object: 'an object',
    array: 'an array',
    value: 'this value',
  },
});

/** A value of the file that cannot go in a cell, and where it is. */
export interface CellIssue {
  readonly path: string;
  readonly message: string;
}

class NoCell extends Error {
  constructor(readonly issue: CellIssue) {
    super(issue.message);
  }
}

/** Keys never copied into an object (feed-v1.md, Conventions). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Record_ = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown): string => {
  const words = say(messages);
  return Array.isArray(value) ? words.array : isRecord(value) ? words.object : words.value;
};

function refuse(path: string, value: unknown): never {
  throw new NoCell({ path, message: say(messages).notCell(kindOf(value)) });
}

/** A scalar as its cell holds it: strings, numbers and booleans as written; null is no value. */
function scalar(value: unknown, path: string): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  return refuse(path, value);
}

/** A text: a string, or an object of language tag to string. */
function text(value: unknown, path: string): string | Record<string, string> | undefined {
  if (!isRecord(value)) {
    const cell = scalar(value, path);
    return cell === undefined ? undefined : String(cell);
  }
  const copy: Record<string, string> = {};
  for (const [lang, item] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(lang)) continue;
    const cell = scalar(item, `${path}.${lang}`);
    if (cell !== undefined) copy[lang] = String(cell);
  }
  return copy;
}

/** A list of plain values, each as a string. */
function list(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    const cell = scalar(value, path);
    return cell === undefined ? undefined : [String(cell)];
  }
  return value.flatMap((item, index) => {
    const cell = scalar(item, `${path}[${index}]`);
    return cell === undefined ? [] : [String(cell)];
  });
}

/** The objects of a list (milestones, updates), each given to `read`. */
function records<T>(
  value: unknown,
  path: string,
  read: (record: Record_, path: string) => T,
): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return refuse(path, value);
  return value.map((item, index) => {
    const where = `${path}[${index}]`;
    return isRecord(item) ? read(item, where) : refuse(where, item);
  });
}

/** Only the fields that are there, so that a missing one stays missing. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function commitmentAsWritten(raw: Record_, path: string): Commitment {
  const refs = raw.refs;
  const partners = raw.partners;
  return present({
    id: scalar(raw.id, `${path}.id`),
    title: text(raw.title, `${path}.title`),
    summary: text(raw.summary, `${path}.summary`),
    description: text(raw.description, `${path}.description`),
    status: scalar(raw.status, `${path}.status`),
    progress: scalar(raw.progress, `${path}.progress`),
    start: scalar(raw.start, `${path}.start`),
    due: scalar(raw.due, `${path}.due`),
    lead: text(raw.lead, `${path}.lead`),
    partners:
      partners === undefined || partners === null
        ? undefined
        : Array.isArray(partners)
          ? partners
              .map((partner, index) => text(partner, `${path}.partners[${index}]`))
              .filter((partner) => partner !== undefined)
          : [text(partners, `${path}.partners`)].filter((partner) => partner !== undefined),
    themes: list(raw.themes, `${path}.themes`),
    url: scalar(raw.url, `${path}.url`),
    pages: list(raw.pages, `${path}.pages`),
    refs:
      refs === undefined || refs === null
        ? undefined
        : isRecord(refs)
          ? Object.fromEntries(
              Object.entries(refs)
                .filter(([key]) => !UNSAFE_KEYS.has(key))
                .map(([key, value]) => [key, scalar(value, `${path}.refs.${key}`)]),
            )
          : refuse(`${path}.refs`, refs),
    milestones: records(raw.milestones, `${path}.milestones`, (milestone, where) =>
      present({
        id: scalar(milestone.id, `${where}.id`),
        title: text(milestone.title, `${where}.title`),
        due: scalar(milestone.due, `${where}.due`),
        done: scalar(milestone.done, `${where}.done`),
        weight: scalar(milestone.weight, `${where}.weight`),
      }),
    ),
    updates: records(raw.updates, `${path}.updates`, (update, where) =>
      present({
        date: scalar(update.date, `${where}.date`),
        status: scalar(update.status, `${where}.status`),
        progress: scalar(update.progress, `${where}.progress`),
        note: text(update.note, `${where}.note`),
        evidence: list(update.evidence, `${where}.evidence`),
      }),
    ),
    // Not in the sheet: counted only, to say that an import needs --base to keep them.
    interpellations: Array.isArray(raw.interpellations) ? raw.interpellations : undefined,
  }) as unknown as Commitment;
}

/**
 * `feed` (as a reader kept it) with its commitments as the file `raw` (its JSON value) writes
 * them, every one of them and every value it holds, for the cells of a sheet; or the first value
 * that no cell can hold (an object where a date goes), with its path.
 */
export function feedAsWritten(
  raw: unknown,
  feed: Feed,
): { ok: true; feed: Feed } | { ok: false; issue: CellIssue } {
  const commitments = isRecord(raw) && Array.isArray(raw.commitments) ? raw.commitments : [];
  try {
    return {
      ok: true,
      feed: {
        ...feed,
        commitments: commitments.map((commitment: unknown, index) => {
          const path = `commitments[${index}]`;
          if (!isRecord(commitment))
            throw new NoCell({ path, message: say(messages).notRow(kindOf(commitment)) });
          return commitmentAsWritten(commitment, path);
        }),
      },
    };
  } catch (error) {
    if (error instanceof NoCell) return { ok: false, issue: error.issue };
    throw error;
  }
}
