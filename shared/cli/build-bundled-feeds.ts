/**
 * Builds the bundled real feeds (`shared/feeds/fr-2018-2020.json`, `fr-2021-2023.json`,
 * `paris.json`) from the facts gathered in `../shared/data/ogp/` beside the repository.
 *
 * Run `npx tsx shared/cli/build-bundled-feeds.ts` after the data changes, then commit the outputs:
 * builds and tests read the committed files, so a clone without `../shared` still works.
 * `shared/feeds/README.md` documents every mapping choice made here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

/** One record of `../shared/data/ogp/*.json`, as gathered from OGP's public pages. */
export interface OgpRecord {
  readonly id: string | null;
  readonly title_fr: string | null;
  readonly title_en: string | null;
  readonly lead: string | null;
  readonly themes: readonly string[] | null;
  /** `YYYY-MM-DD`, or `YYYY-MM` when the page gives only a month. */
  readonly start: string | null;
  readonly end: string | null;
  /** The IRM completion level: null throughout the gathered data. */
  readonly completion: string | null;
  /** The IRM "early results" rating: not a completion level. */
  readonly early_results: string | null;
  readonly source: string;
  readonly action_plan: string;
}

/**
 * When the facts were gathered. The data files carry no date of their own, so the feeds state the
 * day the data set was assembled; it is fixed so that rebuilding gives byte-identical files.
 */
export const GATHERED = '2026-12-04T00:00:00Z';

/** The repository root, found from this file's location. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the gathered OGP facts live: `shared/data/ogp` beside the repository. */
export const OGP_DATA_DIR = path.resolve(REPO_ROOT, '../shared/data/ogp');

/** Where the bundled feeds are committed. */
export const FEEDS_DIR = path.join(REPO_ROOT, 'shared/feeds');

/** The three generated feeds: output file name, data file name and who publishes it. */
export const BUNDLED_SOURCES = [
  { file: 'fr-2018-2020.json', data: 'fr-2018-2020.json', publisher: 'france' },
  { file: 'fr-2021-2023.json', data: 'fr-2021-2023.json', publisher: 'france' },
  { file: 'paris.json', data: 'paris.json', publisher: 'paris' },
] as const;

type PublisherKey = (typeof BUNDLED_SOURCES)[number]['publisher'];

const OGP_HOST = '*://*.opengovpartnership.org';

const PUBLISHERS = {
  france: {
    publisher: {
      name: { fr: 'Gouvernement français', en: 'Government of France' },
      kind: 'state',
      url: 'https://www.opengovpartnership.org/members/france/',
    },
    member: 'france',
    // The member page is linked as both /members/france/ and /members/France/, and OGP serves
    // translations under /fr/ and /es/: a leading `*` covers the language prefix.
    site: [`${OGP_HOST}/*members/france/*`, `${OGP_HOST}/*members/France/*`],
  },
  paris: {
    publisher: {
      name: { fr: 'Ville de Paris', en: 'City of Paris' },
      kind: 'municipality',
      url: 'https://www.opengovpartnership.org/members/paris-france/',
    },
    member: 'paris-france',
    site: [`${OGP_HOST}/*members/paris-france/*`],
  },
} as const;

/** French names of the action plans named in the data (a plain translation of each name). */
const PLAN_TITLES_FR: Readonly<Record<string, string>> = {
  'France Action Plan 2018-2020': "Plan d'action de la France 2018-2020",
  'France Action Plan 2021-2023': "Plan d'action de la France 2021-2023",
};

/** The plan id used for each national plan. */
const PLAN_IDS: Readonly<Record<string, string>> = {
  'France Action Plan 2018-2020': 'FR-2018-2020',
  'France Action Plan 2021-2023': 'FR-2021-2023',
};

/** Commitments the data lists without an OGP identifier, keyed by their English title's start. */
const STABLE_IDS: readonly {
  readonly plan: string;
  readonly title: RegExp;
  readonly id: string;
}[] = [
  {
    plan: 'France Action Plan 2021-2023',
    title: /^Cultivating the emergence of citizen-led public interest initiatives/,
    id: 'FR-2021-47',
  },
];

const IRM_COMPLETION: Readonly<Record<string, string>> = {
  'not started': 'not-started',
  limited: 'limited',
  substantial: 'substantial',
  complete: 'complete',
  completed: 'complete',
};

/** `YYYY-MM-DD` as is; `YYYY-MM` widened to the first day (start) or last day (end) of the month. */
export function dayOf(value: string | null, edge: 'start' | 'end'): string | undefined {
  if (value === null) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (!month) throw new Error(`unexpected date ${JSON.stringify(value)}`);
  const year = Number(month[1]);
  const monthNumber = Number(month[2]);
  if (edge === 'start') return `${month[1]}-${month[2]}-01`;
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month[1]}-${month[2]}-${String(lastDay).padStart(2, '0')}`;
}

function commitmentId(record: OgpRecord): string {
  if (record.id) return record.id;
  const known = STABLE_IDS.find(
    (entry) => entry.plan === record.action_plan && entry.title.test(record.title_en ?? ''),
  );
  if (!known) throw new Error(`record without id and without a stable id: ${record.title_en}`);
  return known.id;
}

/** Whether a source URL is the commitment's own OGP page (rather than a list or a report). */
function isCommitmentPage(source: string, id: string): boolean {
  return new RegExp(`/commitments/${id}/?$`, 'i').test(source);
}

/** Match patterns for an OGP commitment page, in every host, language prefix and id casing. */
function commitmentPages(member: string, id: string): string[] {
  const ids = [...new Set([id, id.toLowerCase()])];
  return ids.map((casing) => `${OGP_HOST}/*members/${member}/commitments/${casing}*`);
}

function commitmentFrom(record: OgpRecord, key: PublisherKey, groupByPlan: boolean) {
  const id = commitmentId(record);
  const title: Record<string, string> = {};
  if (record.title_fr) title.fr = record.title_fr;
  if (record.title_en) title.en = record.title_en;
  const completion = record.completion
    ? IRM_COMPLETION[record.completion.trim().toLowerCase()]
    : undefined;
  if (record.completion && !completion) {
    throw new Error(`${id}: unknown IRM completion level ${JSON.stringify(record.completion)}`);
  }
  const refs: Record<string, string> = {};
  if (record.id) refs.ogp = record.id;
  if (groupByPlan) refs.actionPlan = record.action_plan;
  if (record.early_results) refs.irmEarlyResults = record.early_results;
  refs.source = record.source;
  return {
    id,
    title,
    ...(record.lead ? { lead: { en: record.lead } } : {}),
    ...(record.themes && record.themes.length > 0 ? { themes: [...record.themes] } : {}),
    status: completion ?? 'unknown',
    ...(dayOf(record.start, 'start') ? { start: dayOf(record.start, 'start') } : {}),
    ...(dayOf(record.end, 'end') ? { due: dayOf(record.end, 'end') } : {}),
    ...(record.id && isCommitmentPage(record.source, record.id) ? { url: record.source } : {}),
    ...(record.id ? { pages: commitmentPages(PUBLISHERS[key].member, record.id) } : {}),
    refs,
  };
}

/** The years each plan name states (`2017`, `2019-2021`…), in order, for a combined title. */
function planYears(plans: readonly string[]): string {
  return plans
    .map((name) => {
      const years = name.match(/\d{4}/g);
      if (!years) throw new Error(`action plan without a year: ${name}`);
      return years.join('-');
    })
    .join(', ');
}

/**
 * Turns the records of one data file into a feed. Facts absent from the data stay absent: no
 * completion level means status `unknown`; the plan has no period because no source gives one.
 */
export function buildOgpFeed(records: readonly OgpRecord[], key: PublisherKey): unknown {
  const plans = [...new Set(records.map((record) => record.action_plan))];
  const single = plans.length === 1 ? plans[0] : undefined;
  const plan =
    single !== undefined
      ? {
          id: PLAN_IDS[single] ?? single,
          title: PLAN_TITLES_FR[single] ? { fr: PLAN_TITLES_FR[single], en: single } : single,
        }
      : {
          id: 'PARIS-OGP-LOCAL',
          title: {
            fr: `Plans d'action OGP Local de la Ville de Paris : ${planYears(plans)}`,
            en: `City of Paris OGP Local action plans: ${planYears(plans)}`,
          },
        };
  return {
    format: 'open-commitments/1',
    publisher: PUBLISHERS[key].publisher,
    plan,
    updated: GATHERED,
    languages: ['fr', 'en'],
    site: [...PUBLISHERS[key].site],
    commitments: records.map((record) => commitmentFrom(record, key, single === undefined)),
  };
}

/** Serialises a feed the way the repository's formatter would, so that CI's format check passes. */
export async function formatFeed(feed: unknown): Promise<string> {
  const options = (await prettier.resolveConfig(path.join(FEEDS_DIR, 'feed.json'))) ?? {};
  return prettier.format(JSON.stringify(feed), { ...options, parser: 'json' });
}

/** Builds every bundled real feed from `dataDir`: file name -> formatted JSON text. */
export async function buildBundledFeeds(dataDir = OGP_DATA_DIR): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const source of BUNDLED_SOURCES) {
    const records = JSON.parse(
      await readFile(path.join(dataDir, source.data), 'utf8'),
    ) as OgpRecord[];
    out.set(source.file, await formatFeed(buildOgpFeed(records, source.publisher)));
  }
  return out;
}

async function main(): Promise<void> {
  const feeds = await buildBundledFeeds();
  for (const [file, text] of feeds) {
    await writeFile(path.join(FEEDS_DIR, file), text);
    process.stdout.write(`wrote shared/feeds/${file}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
