import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import { CATEGORIES } from '../feed/types.ts';
import { issueLabel, issueMessage } from './issue-words.ts';
import { setCliLang } from './lang.ts';
import { withLineAndColumn } from './output.ts';
import { ROOT } from './test-support.ts';

type Json = Record<string, unknown>;

const FIXTURES = path.join(ROOT, 'test/fixtures/feeds');

function fixtures(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => readFileSync(path.join(FIXTURES, folder, name), 'utf8'));
}

const everyField = JSON.parse(
  readFileSync(path.join(FIXTURES, 'valid/every-field.json'), 'utf8'),
) as Json;

/** A small valid feed, as a fresh object each time. */
function feed(commitment: Json = {}, top: Json = {}): Json {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    ...top,
    commitments: [{ id: 'E1', title: 'Un engagement', status: 'limited', ...commitment }],
  };
}

/** Values of every wrong kind, for any field. */
const WRONG: unknown[] = [
  null,
  [],
  {},
  '',
  'x y',
  '__proto__',
  -1,
  0,
  0.5,
  120,
  1e21,
  true,
  { x: 1 },
  ['x'],
  [{}],
];

/** The path (keys and indexes) of every value inside a JSON value. */
function trails(node: unknown, trail: (string | number)[] = []): (string | number)[][] {
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((item, i) => [i, item])
    : typeof node === 'object' && node !== null
      ? Object.entries(node)
      : [];
  return entries.flatMap(([key, item]) => [[...trail, key], ...trails(item, [...trail, key])]);
}

/** A copy of `root` with `replacement` at `trail`, or without what is there when undefined. */
function replaced(root: Json, trail: (string | number)[], replacement: unknown): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of trail.slice(0, -1)) parent = parent[key] as typeof parent;
  const last = trail[trail.length - 1] ?? '';
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** Every message the reader gives, strict and tolerant, for many broken feeds. */
function everyMessage(): Set<string> {
  const messages = new Set<string>();
  const read = (input: unknown, maxBytes?: number): void => {
    for (const mode of ['strict', 'tolerant'] as const) {
      const result = parseFeed(input, { mode, ...(maxBytes === undefined ? {} : { maxBytes }) });
      for (const issue of [...(result.ok ? [] : result.errors), ...result.warnings])
        messages.add(issue.message);
    }
  };
  for (const text of [...fixtures('invalid'), ...fixtures('parser-only'), ...fixtures('valid')])
    read(text);
  // Each field of a feed that uses them all, given each kind of wrong value, or taken out.
  for (const trail of trails(everyField))
    for (const wrong of [...WRONG, undefined]) read(replaced(everyField, trail, wrong));
  const many = Array.from({ length: 25 }, (_, i) => ({
    key: `s${i}`,
    label: `S${i}`,
    category: 'limited',
  }));
  const cases: unknown[] = [
    feed({}, { format: 'open-commitments/1.3', extra: 1 }),
    feed({}, { format: 'open-commitments/2' }),
    feed({}, { format: 'commitments' }),
    feed({}, { format: 7 }),
    { format: 'open-commitments/1' },
    feed({ title: 'x'.repeat(20_001) }),
    { ...feed(), commitments: new Array(50_001).fill({}) },
    feed({ themes: new Array(50_001).fill('x') }),
    { ...feed(), commitments: Array.from({ length: 1_100 }, () => ({ id: 7 })) },
    feed({ status: 'en-cour' }, { statuses: many }),
    feed({
      milestones: [
        { id: 'M', title: 'a' },
        { id: 'M', title: 'b' },
      ],
    }),
    feed({}, { statuses: [{ key: 'limited', label: 'x', category: 'limited' }] }),
    feed({}, { plan: { period: { start: '2027-01-01', end: '2026-01-01' } } }),
    feed({}, { plan: { period: { start: '2027-01-01' } } }),
    feed({}, { interpellation: { url: 'ftp://x', email: 'x' } }),
    feed({}, { interpellation: {} }),
    feed({ interpellations: [{ id: 'I', date: '2026-01-01', question: '?', status: 'answered' }] }),
    feed({
      interpellations: [
        { id: 'I', date: '2026-01-01', question: '?', status: 'answered', answer: { date: 'x' } },
      ],
    }),
    feed({ title: { fr: 7 } }),
    feed({ title: { 'not a tag': 'x' } }),
    feed({ refs: { 'a b': 'x', decidim: 'x', ogp: '' } }),
    feed({}, { publisher: { name: 'V', kind: 'city' } }),
    feed({}, { publisher: { name: 'V' } }),
    feed({}, { publisher: 'Ville' }),
    feed({}, { updated: '2026-11-30' }),
    { ...feed(), commitments: 'E1' },
    [1, 2],
    'feed',
    42,
    null,
    new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('…');
        },
      },
    ),
  ];
  for (const input of cases) read(input);
  for (const [key, wrong] of [
    ['commitments', undefined],
    ['publisher', undefined],
    ['updated', undefined],
  ] as const) {
    const copy = feed();
    copy[key] = wrong;
    read(JSON.stringify(copy));
  }
  read(JSON.stringify(feed()), 100);
  read(new TextEncoder().encode(JSON.stringify(feed())), 100);
  read(new Uint8Array([0x7b, 0xe9, 0x7d]));
  // JSON syntax errors, as the reader gives them and as the command line adds where and what to do.
  for (const text of [
    '',
    '{"a":1,,}',
    '{a:1}',
    '[1,2',
    '{"a" 1}',
    '{"a":1} x',
    '"abc',
    '{"a":"\\x"}',
    '{"a":-}',
    '{"a":1.}',
    '{"a":1e}',
    '{"a":"\\u12"}',
    '{"a":"\t"}',
    '<!doctype html><html>',
    '{"a": «b»}',
    'undefined',
    '{\n  "format": "open-commitments/1", // v1\n}',
    "{\n  'format': 'open-commitments/1'\n}",
    '{\n  "progress": 45,5\n}',
    '{\n  "languages": [\n    "fr",\n  ]\n}',
  ]) {
    for (const mode of ['strict', 'tolerant'] as const) {
      const result = parseFeed(text, { mode });
      for (const issue of result.ok ? [] : result.errors) {
        messages.add(issue.message);
        messages.add(withLineAndColumn(issue.message, text));
      }
    }
  }
  return messages;
}

/** Words that only English has, outside quoted values and the codes of the format. */
const ENGLISH =
  /\b(expected|must|got|the|of|missing|dropped|ignored|and|or|is|are|with|read|used|unknown|known|exceeds?|limit|feed|more|an|not)\b/i;

function leftEnglish(french: string): RegExpExecArray | null {
  const words = french
    .replace(/"(?:[^"\\]|\\.)*"(?:\.\.\.)?/g, '""')
    .replace(/\u00ab\u00a0[^\u00bb]*\u00a0\u00bb/g, '«»')
    .replace(/'[^'\s]*'/g, "''")
    .replace('A-Z a-z', '')
    .replace(new RegExp(`\\b(${CATEGORIES.join('|')})\\b`, 'g'), '')
    .replace(/\b(url|email|answer|status|start|category|kind|id|key|title|date|question)\b/g, '');
  return ENGLISH.exec(words);
}

describe('issueMessage', () => {
  beforeEach(() => setCliLang('fr'));
  afterEach(() => setCliLang('en'));

  it('says in French every message the reader gives, strict or tolerant', () => {
    const messages = everyMessage();
    expect(messages.size).toBeGreaterThan(150);
    const untranslated = [...messages]
      .map((message) => ({ message, french: issueMessage(message) }))
      .filter(({ message, french }) => french === message || leftEnglish(french) !== null);
    expect(untranslated).toEqual([]);
  });

  it.each([
    [
      'expected a date YYYY-MM-DD that exists in the calendar, got "2023-02-30"',
      'attendu\u00a0: une date AAAA-MM-JJ qui existe dans le calendrier\u00a0; trouvé\u00a0: «\u00a02023-02-30\u00a0»',
    ],
    [
      'expected a number from 0 to 100, got "45 %"',
      'attendu\u00a0: un nombre de 0 à 100\u00a0; trouvé\u00a0: «\u00a045 %\u00a0»',
    ],
    [
      'unknown status "en-cour"; known: not-started, limited, substantial, complete, withdrawn, unknown (shown as "unknown")',
      'statut inconnu «\u00a0en-cour\u00a0»\u00a0; statuts connus\u00a0: not-started, limited, substantial, complete, withdrawn, unknown (affiché comme «\u00a0unknown\u00a0»)',
    ],
    [
      'missing; expected a status: one of not-started, limited, substantial, complete, withdrawn, unknown, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13 and 11 more',
      'manquant\u00a0; attendu\u00a0: un statut parmi not-started, limited, substantial, complete, withdrawn, unknown, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13 et 11 autres',
    ],
    [
      'expected an array of language tags, got "fr"',
      'attendu\u00a0: une liste de codes de langue\u00a0; trouvé\u00a0: «\u00a0fr\u00a0»',
    ],
    [
      'expected a commitment (an object), got an array (ignored)',
      'attendu\u00a0: un engagement (un objet)\u00a0; trouvé\u00a0: une liste (ignoré)',
    ],
    [
      'a commitment dropped: id, title missing or invalid',
      'engagement écarté\u00a0: champs id, title manquants ou invalides',
    ],
    [
      'duplicate id "E1", first used at commitments[0] (this one is dropped)',
      'id «\u00a0E1\u00a0» en double, déjà pris par commitments[0] (celui-ci est écarté)',
    ],
    [
      'unknown field of the feed, ignored; known: format, publisher',
      'champ inconnu dans le flux, ignoré\u00a0; champs connus\u00a0: format, publisher',
    ],
    [
      'text of 20001 characters exceeds the limit of 20000',
      'un texte de 20\u202f001 caractères dépasse la limite de 20\u202f000',
    ],
    [
      'version 2 of the format is not read here; this reader reads "open-commitments/1" (and its minor versions 1.x)',
      'la version 2 du format n’est pas lue ici\u00a0; ce lecteur lit «\u00a0open-commitments/1\u00a0» (et ses versions mineures 1.x)',
    ],
    [
      "the feed is not valid JSON: Unexpected token ']' at line 5, column 3; remove the comma before it: JSON allows none after the last item",
      'le flux n’est pas du JSON valide\u00a0: caractère inattendu «\u00a0]\u00a0» à la ligne 5, colonne 3\u00a0; supprimez la virgule qui le précède\u00a0: JSON n’en admet aucune après le dernier élément',
    ],
    [
      "the feed is not valid JSON: Expected ',' or '}' after property value in JSON at position 34 (line 2 column 34)",
      'le flux n’est pas du JSON valide\u00a0: «\u00a0,\u00a0» ou «\u00a0}\u00a0» attendu après la valeur d’une propriété à la ligne 2, colonne 34',
    ],
  ])('says %j in French', (message, french) => {
    expect(issueMessage(message)).toBe(french);
  });

  it('leaves a message it does not know as it is, and every message in an English run', () => {
    expect(issueMessage('something new happened')).toBe('something new happened');
    setCliLang('en');
    expect(issueMessage('expected a string, got 7')).toBe('expected a string, got 7');
    expect(issueLabel('error')).toBe('error    ');
  });
});
