/**
 * `open-commitments init`: a starter feed that is valid as it stands and shows the main fields
 * in use. JSON has no comments and strict validation refuses unknown keys, so the guidance is in
 * the example values ("replace…") and printed on stderr, never hidden in the file.
 */
import type {
  Commitment,
  Feed,
  FeedIssue,
  Milestone,
  PublisherKind,
  StatusDef,
  Text,
} from '../feed/types.ts';
import { addDays, todayString } from '../status/dates.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { worded } from './issue-words.ts';
import { formatNumber } from '../i18n/format.ts';
import { EXIT, InputError, shellWord, type CliIo } from './io.ts';
import { cliLang, say } from './lang.ts';
import { checkTargets, existingOut, feedJson, writeOutput } from './output.ts';

/** Options of `init`. */
export interface InitOptions {
  readonly kind: PublisherKind;
  readonly lang: 'fr' | 'en';
  readonly out?: string;
  readonly force?: boolean;
}

/** The host of the starter feed's example addresses. */
const EXAMPLE_HOST = 'www.example.org';

const WORDS = {
  fr: {
    name: 'Nom de votre collectivité (à remplacer)',
    plan: 'Plan d’action pour un gouvernement ouvert (titre à remplacer)',
    statusLabel: 'En cours de marché',
    title: 'Publier les marchés publics en données ouvertes (exemple à remplacer)',
    summary:
      'Une phrase qui dit ce qui change pour les habitants. Remplacez cet engagement par les vôtres, un par objet de «\u00a0commitments\u00a0».',
    lead: 'Direction de la commande publique',
    theme: 'Commande publique',
    milestone1: 'Cahier des charges adopté',
    milestone2: 'Première publication',
    note: 'Flux créé\u00a0: chaque mise à jour datée apparaît dans l’historique de l’engagement.',
    statusKey: 'en-cours-de-marche',
    interpellation: 'interpeller?engagement={id}&page={page}',
    rules: 'reglement-interpellation',
    pages: 'marches-publics/*',
  },
  en: {
    name: 'Name of your public body (replace)',
    plan: 'Open government action plan (replace this title)',
    statusLabel: 'Tender under way',
    title: 'Publish public contracts as open data (example: replace)',
    summary:
      'One sentence saying what changes for residents. Replace this commitment with yours, one object per commitment in "commitments".',
    lead: 'Procurement department',
    theme: 'Open Contracting',
    milestone1: 'Specification adopted',
    milestone2: 'First publication',
    note: 'Feed created: each dated update shows in the commitment’s timeline.',
    statusKey: 'tender-under-way',
    interpellation: 'interpellate?commitment={id}&page={page}',
    rules: 'interpellation-rules',
    pages: 'public-contracts/*',
  },
} as const;

const GUIDANCE = {
  fr: `Flux de départ créé. Étapes suivantes\u00a0:
  1. Remplacez les valeurs d’exemple (nom, adresses www.example.org, engagements).
  2. Décrivez vos engagements\u00a0; le format est expliqué dans docs/format.md.
  3. Vérifiez\u00a0: COMMANDE validate FICHIER
  4. Publiez le fichier sur votre site avec l’en-tête Access-Control-Allow-Origin: *
     (voir docs/guide/publier.md).
`,
  en: `Starter feed created. Next:
  1. Replace the example values (name, www.example.org addresses, commitments).
  2. Describe your commitments; docs/format.md explains the format.
  3. Check it: COMMAND validate FILE
  4. Publish the file on your site with the header Access-Control-Allow-Origin: *
     (see docs/guide/publishing.md).
`,
} as const;

/** The starter feed for a kind of publisher, in one language, dated `today`. */
export function starterFeed(kind: PublisherKind, lang: 'fr' | 'en', now: Date): Feed {
  const words = WORDS[lang];
  const today = todayString(now, 'UTC');
  return {
    format: 'open-commitments/1',
    publisher: { name: words.name, kind, url: `https://${EXAMPLE_HOST}/` },
    plan: {
      id: `PLAN-${today.slice(0, 4)}`,
      title: words.plan,
      period: { start: today, end: addDays(today, PLAN_DAYS) },
    },
    updated: `${today}T00:00:00Z`,
    languages: [lang],
    site: ['https://www.example.org/*'],
    statuses: [
      { key: words.statusKey, label: words.statusLabel, category: 'limited', progress: 25 },
    ],
    interpellation: {
      url: `https://www.example.org/${words.interpellation}`,
      responseDays: 30,
      rules: `https://www.example.org/${words.rules}`,
    },
    commitments: [
      {
        id: 'E1',
        title: words.title,
        summary: words.summary,
        lead: words.lead,
        themes: [words.theme],
        status: words.statusKey,
        start: today,
        due: addDays(today, 365),
        pages: [`https://www.example.org/${words.pages}`],
        milestones: [
          { id: 'E1-1', title: words.milestone1, due: addDays(today, 90) },
          { id: 'E1-2', title: words.milestone2, due: addDays(today, 365), weight: 2 },
        ],
        updates: [{ date: today, status: words.statusKey, note: words.note }],
      },
    ],
  };
}

/** How long init's example plan lasts, in days from its start (today when init ran). */
const PLAN_DAYS = 730;

/** The warning for init's example period, which no pattern over the others' words can say in French. */
const periodWords = defineMessages({
  fr: {
    period: (start: string, end: string) =>
      `du «\u00a0${start}\u00a0» au «\u00a0${end}\u00a0»\u00a0: une période d’exemple écrite par init\u00a0; remplacez-la par celle de votre plan`,
  },
  en: {
    period: (start: string, end: string) =>
      `"${start}" to "${end}" is an example period written by init: replace it with your plan's`,
  },
});

/**
 * Whether a plan's period is still the one `init` made up: two years from the day it ran, in a
 * plan that still has init's id (`PLAN-` and that year) or title. A real plan may last 730 days
 * too, so the period alone does not tell.
 */
function isStarterPeriod(plan: Feed['plan']): boolean {
  const period = plan?.period;
  if (period === undefined || addDays(period.start, PLAN_DAYS) !== period.end) return false;
  return (
    plan?.id === `PLAN-${period.start.slice(0, 4)}` ||
    textValues(plan?.title).some((one) => PLACEHOLDERS.has(one))
  );
}

/** A text's values, in every language. */
function textValues(value: Text | undefined): string[] {
  return typeof value === 'string' ? [value] : Object.values(value ?? {});
}

/** Whether a URL or a match pattern points at the starter feed's example host. */
function isExampleAddress(address: string): boolean {
  return /^[a-z*]+:\/\/([^/]*)/i.exec(address)?.[1]?.toLowerCase() === EXAMPLE_HOST;
}

/** The example texts of `init`, in every language. */
const PLACEHOLDERS = new Set<string>(
  Object.values(WORDS).flatMap((words) => [
    words.name,
    words.plan,
    words.title,
    words.summary,
    words.note,
  ]),
);

/** The titles of the example milestones of `init`, in every language. */
const MILESTONE_TITLES = new Set<string>(
  Object.values(WORDS).flatMap((words) => [words.milestone1, words.milestone2]),
);

/** Whether the `index`-th milestone of a commitment is one of the examples `init` wrote. */
function isStarterMilestone(milestone: Milestone, index: number): boolean {
  return (
    milestone.id === `E1-${index + 1}` && MILESTONE_TITLES.has(textValues(milestone.title)[0] ?? '')
  );
}

/**
 * Whether a commitment is still the example `init` wrote: its title or summary is init's, or
 * everything dated in it (milestones, updates) is. An import with `--base` over init's feed
 * gives the sheet's own commitment of the same id (E1) none of the example's milestones and
 * updates, which the publisher never wrote.
 */
export function isStarterCommitment(commitment: Commitment): boolean {
  if (
    [commitment.title, commitment.summary].some((text) =>
      textValues(text).some((one) => PLACEHOLDERS.has(one)),
    )
  )
    return true;
  const milestones = commitment.milestones ?? [];
  const updates = commitment.updates ?? [];
  return (
    milestones.length + updates.length > 0 &&
    milestones.every(isStarterMilestone) &&
    updates.every((update) => textValues(update.note).some((one) => PLACEHOLDERS.has(one)))
  );
}

/** Whether a status definition is the example `init` declares ("En cours de marché"). */
export function isStarterStatus(status: StatusDef): boolean {
  return Object.values(WORDS).some(
    (words) =>
      status.key === words.statusKey && textValues(status.label).includes(words.statusLabel),
  );
}

/**
 * The publisher's name `import csv` writes when given no `--publisher-name`, in the sheet's
 * language, for `validate` to flag as it flags the examples of `init`.
 */
export const IMPORT_PLACEHOLDER_NAME = {
  fr: 'Nom de l’éditeur (à remplacer avec --publisher-name)',
  en: 'Publisher (replace with --publisher-name)',
} as const;

/**
 * The example values of `init` still in a feed (its placeholder names and titles, its
 * www.example.org addresses), each at its path: published as they are, the dashboard would name a
 * placeholder publisher and send the people who question it to an address that is no one's.
 */
export function starterLeftovers(feed: Feed): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const text = (path: string, value: Text | undefined, known = false): void => {
    const values = textValues(value);
    const kept = values.find((one) => known || PLACEHOLDERS.has(one));
    if (kept !== undefined)
      issues.push({
        path,
        message: `"${kept}" is an example written by init: replace it with yours`,
      });
  };
  const address = (path: string, value: string | undefined): void => {
    if (value !== undefined && isExampleAddress(value))
      issues.push({
        path,
        message: `"${value}" is an example address (${EXAMPLE_HOST}): replace it with your site's`,
      });
  };
  text('publisher.name', feed.publisher.name);
  const imported = textValues(feed.publisher.name).find((one) =>
    Object.values<string>(IMPORT_PLACEHOLDER_NAME).includes(one),
  );
  if (imported !== undefined)
    issues.push({
      path: 'publisher.name',
      message: `"${imported}" is a placeholder written by import: replace it with your name`,
    });
  address('publisher.url', feed.publisher.url);
  text('plan.title', feed.plan?.title);
  const period = feed.plan?.period;
  if (period !== undefined && isStarterPeriod(feed.plan))
    issues.push({
      path: 'plan.period',
      message: worded(periodWords, (words) => words.period(period.start, period.end)),
    });
  (feed.site ?? []).forEach((pattern, index) => address(`site[${index}]`, pattern));
  address('interpellation.url', feed.interpellation?.url);
  address('interpellation.rules', feed.interpellation?.rules);
  feed.commitments.forEach((commitment, index) => {
    const at = `commitments[${index}]`;
    text(`${at}.title`, commitment.title);
    text(`${at}.summary`, commitment.summary);
    // The starter's milestones and update, which an import with --base keeps on a commitment E1.
    (commitment.milestones ?? []).forEach((milestone, m) => {
      if (isStarterMilestone(milestone, m))
        text(`${at}.milestones[${m}].title`, milestone.title, true);
    });
    (commitment.updates ?? []).forEach((update, u) =>
      text(`${at}.updates[${u}].note`, update.note),
    );
    address(`${at}.url`, commitment.url);
    (commitment.pages ?? []).forEach((pattern, p) => address(`${at}.pages[${p}]`, pattern));
  });
  return issues;
}

/** What `init` says when `--force` would replace a publisher's own feed. */
const keepWords = defineMessages({
  fr: {
    ownFeed: (out: string, commitments: number) =>
      `--out ${out}\u00a0: ce fichier est un flux de ${formatNumber(commitments, 'fr')} ${commitments > 1 ? 'engagements' : 'engagement'} qui ne sont pas les exemples d’init\u00a0; init ne le remplace pas, même avec --force\u00a0: supprimez-le d’abord pour repartir de zéro, ou choisissez un autre --out`,
  },
  en: {
    ownFeed: (out: string, commitments: number) =>
      `--out ${out}: is a feed of ${formatNumber(commitments, 'en')} ${commitments === 1 ? 'commitment' : 'commitments'} that are not init's examples; init does not replace it, even with --force: remove it first to start anew, or choose another --out`,
  },
});

/**
 * Refuses to replace, even with `--force`, a feed at `--out` with commitments of its own: a starter
 * feed over it would erase them, their history and citizens' questions. `--force` still replaces
 * init's own feed (a second `init` in the other language) and a file that is not a feed.
 */
async function keepOwnFeed(out: string | undefined, force: boolean, io: CliIo): Promise<void> {
  if (out === undefined || out === '-' || !force) return;
  const found = await existingOut(out, io);
  if (found.kind !== 'feed') return;
  const own = found.feed.commitments.filter((commitment) => !isStarterCommitment(commitment));
  if (own.length > 0) throw new InputError(say(keepWords).ownFeed(out, own.length));
}

/**
 * Writes the starter feed to `--out` (never over an existing file without --force, never over a
 * publisher's own feed) or stdout.
 */
export async function initCommand(options: InitOptions, io: CliIo): Promise<number> {
  await checkTargets(
    {
      targets: [{ option: '--out', file: options.out }],
      inputs: [],
      force: options.force ?? false,
    },
    io,
  );
  await keepOwnFeed(options.out, options.force ?? false, io);
  await writeOutput(options.out, feedJson(starterFeed(options.kind, options.lang, io.now())), io);
  // The steps in the language of the run when it is French, else in that of the example texts,
  // with the command typed the way the person ran this one, so that it works where they are.
  const command = io.invocation ?? 'open-commitments';
  const file = options.out ?? (cliLang() === 'fr' ? 'engagements.json' : 'feed.json');
  io.stderr(
    GUIDANCE[cliLang() === 'fr' ? 'fr' : options.lang].replace(/COMMANDE?|FICHIER|FILE/g, (word) =>
      word.startsWith('COMMAND') ? command : shellWord(file),
    ),
  );
  return EXIT.ok;
}
