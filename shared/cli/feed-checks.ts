/**
 * What `validate` adds to strict parsing: a hint for each error, and warnings about a feed that is
 * valid but probably out of date (a passed due date with little done, `updated` older than the
 * newest entry, a newest update whose status or progress the commitment does not show, a progress
 * its status contradicts, an unanswered interpellation past the promised delay), or that names
 * pages the extension ignores (every site, or every site under a public suffix).
 */
import {
  CATEGORIES,
  type Category,
  type Feed,
  type FeedIssue,
  type StatusDef,
  type Update,
} from '../feed/types.ts';
import { parsePattern } from '../match/match-pages.ts';
import { isPublicSuffix } from '../match/public-suffix.ts';
import { computeProgress } from '../status/compute-progress.ts';
import { daysOverdue } from '../status/late.ts';
import { resolveStatus } from '../status/resolve-status.ts';
import { coreMessages } from '../i18n/core-messages.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { formatDate, formatNumber, plural as pluralIn } from '../i18n/format.ts';
import { readDate, readPercent, readPositive, statusReader } from './cells.ts';
import { worded } from './issue-words.ts';
import { plural } from './output.ts';

const DATE_FIELDS = new Set(['start', 'due', 'done', 'date']);
const URL_FIELDS = new Set(['url', 'logo', 'rules', 'evidence']);

/** The last key of a path such as `commitments[3].milestones[0].due` (`due`), without indexes. */
function lastKey(path: string): string {
  const keys = path.replace(/\[\d+\]/g, '').split('.');
  return keys[keys.length - 1] ?? '';
}

/** The value an error message quotes as found (`got "31/12/2027"`, `unknown status "Limité"`). */
function quotedValue(message: string): string | undefined {
  return /(?:got|unknown status) "([^"]*)"/.exec(message)?.[1];
}

/**
 * What to write in the feed for a value the spreadsheet importer would have read, such as a
 * category's French name (`Limité`) or a French date (`31/12/2027`): a feed holds only the codes.
 */
function feedSpelling(
  key: string,
  value: string | undefined,
  statuses: readonly StatusDef[] = [],
): string | undefined {
  if (value === undefined) return undefined;
  if (key === 'status' || key === 'category') {
    const read = statusReader(key === 'status' ? statuses : [])(value);
    return read.ok && read.value !== value ? read.value : undefined;
  }
  if (key === 'progress' || key === 'weight') {
    // "45 %" or "12,5" as a spreadsheet writes them: a feed holds the number itself.
    const read = key === 'progress' ? readPercent(value) : readPositive(value);
    return read.ok ? String(read.value) : undefined;
  }
  const read = readDate(value);
  return read.ok && read.value !== value ? read.value : undefined;
}

const KINDS =
  'state, region, department, municipality, intercommunality, university, agency, parliament, other';

/** The hints of `hintFor`, in both languages. */
const hints = defineMessages({
  fr: {
    html: 'C’est une page HTML, pas un flux\u00a0: vérifiez l’adresse ou le fichier (un serveur peut répondre à un fichier absent par une page web).',
    notUtf8:
      'Enregistrez le fichier en UTF-8\u00a0: il a été enregistré dans un autre encodage, comme Windows-1252 («\u00a0ANSI\u00a0» dans le Bloc-notes).',
    curlyQuotes:
      'Mettez les textes entre guillemets droits «\u00a0"…"\u00a0»\u00a0: un traitement de texte les change en « » ou “ ”, que JSON ne lit pas.',
    oneObject: 'Le fichier doit contenir un seul objet JSON, encodé en UTF-8.',
    list: (single: string) => `Une liste, même d’une seule valeur\u00a0: [${single}].`,
    format: 'Commencez le flux par «\u00a0"format": "open-commitments/1"\u00a0».',
    addTime: (day: string) =>
      `Ajoutez au jour l’heure et son décalage\u00a0: «\u00a0${day}T00:00:00Z\u00a0».`,
    updated:
      'Écrivez quand vous avez modifié le flux pour la dernière fois, en date et heure RFC 3339, par exemple «\u00a02026-11-30T09:00:00Z\u00a0».',
    dates:
      'Écrivez les dates en AAAA-MM-JJ, et seulement des jours qui existent (2023-02-30 n’existe pas).',
    dateSpelling: (spelling: string) =>
      `Dans un flux, écrivez les dates en AAAA-MM-JJ\u00a0: «\u00a0${spelling}\u00a0».`,
    numberSpelling: (spelling: string) =>
      `Dans un flux, écrivez le nombre lui-même, sans guillemets ni %\u00a0: ${spelling}.`,
    statusKey: (spelling: string) =>
      `Dans un flux, écrivez la clé de votre statut\u00a0: «\u00a0${spelling}\u00a0» (son libellé n’est lu que dans un tableur).`,
    categoryCode: (spelling: string) =>
      `Dans un flux, écrivez le code de la catégorie\u00a0: «\u00a0${spelling}\u00a0» (son nom en français ou en anglais n’est lu que dans un tableur).`,
    interpellationStatus:
      'Le statut d’une interpellation est open, answered, declined ou inadmissible.',
    brokenDefinition: (paths: readonly string[]) =>
      `Si c’est l’un de vos statuts, corrigez d’abord sa définition\u00a0: ${paths.join(', ')} ${paths.length === 1 ? 'a une erreur' : 'ont des erreurs'} plus haut.`,
    status: `Utilisez une catégorie (${CATEGORIES.join(', ')}) ou la clé de l’un de vos «\u00a0statuses\u00a0».`,
    category: `Une valeur parmi ${CATEGORIES.join(', ')}.`,
    kind: `Une valeur parmi ${KINDS}.`,
    identifier:
      'Un identifiant a de 1 à 64 caractères\u00a0: lettres, chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0» et «\u00a0-\u00a0», et il est unique là où il sert.',
    progress: 'Un nombre de 0 à 100.',
    weight: 'Un nombre supérieur à 0 (1 s’il est absent).',
    pattern:
      'Un motif d’adresse s’écrit https://www.example.fr/section/* ou *://*.example.fr/*\u00a0; <all_urls> est refusé.',
    template:
      'Une adresse https absolue\u00a0; {id}, {title}, {plan} et {page} sont les seules variables.',
    email: 'Une adresse électronique telle que interpellation@example.fr.',
    link: 'Les liens doivent être des adresses absolues en http:// ou https://.',
    answer: 'Une interpellation répondue demande «\u00a0"answer": {"date": …, "text": …}\u00a0».',
    text: 'Un texte est une chaîne de caractères, ou un objet qui associe une chaîne à chaque langue\u00a0: «\u00a0{"fr": "…", "en": "…"}\u00a0».',
    commitments: '«\u00a0commitments\u00a0» est une liste (elle peut être vide).',
    longText:
      'Raccourcissez ce texte\u00a0: au-delà de la limite, les lecteurs refusent le flux entier.',
    manyCommitments:
      'Répartissez les engagements entre plusieurs flux, par exemple un par plan d’action.',
  },
  en: {
    html: 'This is HTML, not a feed: check the address or the file (a server may answer a missing file with a web page).',
    notUtf8:
      'Save the file as UTF-8: it was saved in another encoding, such as Windows-1252 ("ANSI" in Notepad).',
    curlyQuotes:
      'Put texts between straight quotes "…": a word processor turns them into « » or “ ”, which JSON does not read.',
    oneObject: 'The file must be one JSON object, UTF-8 encoded.',
    list: (single: string) => `A list, even of one value: [${single}].`,
    format: 'Start the feed with "format": "open-commitments/1".',
    addTime: (day: string) => `Add the time and its offset to the day: "${day}T00:00:00Z".`,
    updated:
      'Write when you last changed the feed as an RFC 3339 date-time, e.g. "2026-11-30T09:00:00Z".',
    dates: 'Write dates as YYYY-MM-DD, and only days that exist (2023-02-30 does not).',
    dateSpelling: (spelling: string) => `Write dates as YYYY-MM-DD in a feed: "${spelling}".`,
    numberSpelling: (spelling: string) =>
      `Write the number itself in a feed, without quotes or %: ${spelling}.`,
    statusKey: (spelling: string) =>
      `Write the key of your status in a feed: "${spelling}" (its label is read only from a spreadsheet).`,
    categoryCode: (spelling: string) =>
      `Write the category's code in a feed: "${spelling}" (its French or English name is read only from a spreadsheet).`,
    interpellationStatus: 'An interpellation is open, answered, declined or inadmissible.',
    brokenDefinition: (paths: readonly string[]) =>
      `If it is one of your own statuses, fix its definition first: ${paths.join(', ')} ${paths.length === 1 ? 'has an error' : 'have errors'} above.`,
    status: `Use a category (${CATEGORIES.join(', ')}) or the key of one of your "statuses".`,
    category: `One of ${CATEGORIES.join(', ')}.`,
    kind: `One of ${KINDS}.`,
    identifier:
      'Identifiers are 1 to 64 characters: letters, digits, ".", "_" and "-", unique where they are used.',
    progress: 'A number from 0 to 100.',
    weight: 'A number greater than 0 (1 when omitted).',
    pattern:
      'Match patterns look like https://www.example.fr/section/* or *://*.example.fr/*; <all_urls> is refused.',
    template: 'An absolute https URL; {id}, {title}, {plan} and {page} are the only placeholders.',
    email: 'An e-mail address such as interpellation@example.fr.',
    link: 'Links must be absolute http:// or https:// URLs.',
    answer: 'An answered interpellation needs "answer": {"date": …, "text": …}.',
    text: 'Text is a string, or an object of language to string: {"fr": "…", "en": "…"}.',
    commitments: '"commitments" is a list (it may be empty).',
    longText: 'Shorten this text: past the limit, readers refuse the whole feed.',
    manyCommitments:
      'Split the commitments across several feeds, for instance one per action plan.',
  },
});

type Hints = (typeof hints)['en'];

/** A hint in English (as `--json` gives it), whose French `issueMessage` says in a French run. */
function hint(pick: (words: Hints) => string): string {
  return worded(hints, pick);
}

/** The feed's own status definitions, as far as they can be read from its JSON value `raw`. */
export function rawStatuses(raw: unknown): StatusDef[] {
  const statuses =
    typeof raw === 'object' && raw !== null ? (raw as { statuses?: unknown }).statuses : undefined;
  if (!Array.isArray(statuses)) return [];
  return statuses.flatMap((definition: unknown) => {
    if (typeof definition !== 'object' || definition === null) return [];
    const { key, label } = definition as { key?: unknown; label?: unknown };
    if (typeof key !== 'string') return [];
    const texts =
      typeof label === 'string'
        ? label
        : typeof label === 'object' && label !== null
          ? Object.fromEntries(
              Object.entries(label).filter(
                (entry): entry is [string, string] => typeof entry[1] === 'string',
              ),
            )
          : key;
    return [{ key, label: texts, category: 'unknown' as const }];
  });
}

/**
 * A short hint on how to fix an error, from where it is; undefined when the message says it all.
 * `brokenStatuses` are the publisher's status definitions that have errors themselves (see
 * `brokenStatusDefinitions`): a commitment using one of those reads as having an unknown status.
 */
export function hintFor(
  issue: FeedIssue,
  brokenStatuses: readonly BrokenStatus[] = [],
  statuses: readonly StatusDef[] = [],
): string | undefined {
  const key = lastKey(issue.path);
  const parent = issue.path.replace(/\[\d+\]/g, '');
  // Over a limit, the value is of the right kind: a hint on how to write the field would mislead.
  if (issue.code === 'too-large') {
    if (/^text of \d+ characters/.test(issue.message)) return hint((h) => h.longText);
    return key === 'commitments' ? hint((h) => h.manyCommitments) : undefined;
  }
  if (issue.path === '$' && /Unexpected token '<'/.test(issue.message)) return hint((h) => h.html);
  if (issue.path === '$' && /not valid UTF-8/.test(issue.message)) return hint((h) => h.notUtf8);
  if (issue.path === '$' && /Unexpected token '[«»“”„‘’]'/.test(issue.message))
    return hint((h) => h.curlyQuotes);
  if (issue.path === '$') return hint((h) => h.oneObject);
  const single = /^expected an array\b.*, got ("(?:[^"\\]|\\.)*")$/.exec(issue.message)?.[1];
  if (single !== undefined) return hint((h) => h.list(single));
  if (key === 'format') return hint((h) => h.format);
  const day = key === 'updated' ? /got "(\d{4}-\d{2}-\d{2})"$/.exec(issue.message)?.[1] : undefined;
  if (day !== undefined) return hint((h) => h.addTime(day));
  if (key === 'updated') return hint((h) => h.updated);
  const interpellation = key === 'status' && parent.includes('interpellations');
  const spelling = interpellation
    ? undefined
    : feedSpelling(key, quotedValue(issue.message), statuses);
  if (DATE_FIELDS.has(key))
    return spelling === undefined ? hint((h) => h.dates) : hint((h) => h.dateSpelling(spelling));
  if ((key === 'progress' || key === 'weight') && spelling !== undefined)
    return hint((h) => h.numberSpelling(spelling));
  if (spelling !== undefined && !(CATEGORIES as readonly string[]).includes(spelling))
    return hint((h) => h.statusKey(spelling));
  if (spelling !== undefined) return hint((h) => h.categoryCode(spelling));
  if (interpellation) return hint((h) => h.interpellationStatus);
  const unknown = /^unknown status "([^"]*)"/.exec(issue.message)?.[1];
  // The broken definitions this status may be: those with this key, or with no key to read.
  const broken = brokenStatuses
    .filter((definition) => definition.key === undefined || definition.key === unknown)
    .map((definition) => definition.path);
  if (key === 'status' && unknown !== undefined && broken.length > 0)
    return hint((h) => h.brokenDefinition(broken));
  if (key === 'status') return hint((h) => h.status);
  if (key === 'category') return hint((h) => h.category);
  if (key === 'kind') return hint((h) => h.kind);
  if (key === 'id' || key === 'key') return hint((h) => h.identifier);
  if (key === 'progress') return hint((h) => h.progress);
  if (key === 'weight') return hint((h) => h.weight);
  if (key === 'pages' || key === 'site' || parent.endsWith('.pages') || parent === 'site')
    return hint((h) => h.pattern);
  if (parent.startsWith('interpellation') && key === 'url') return hint((h) => h.template);
  if (key === 'email') return hint((h) => h.email);
  if (URL_FIELDS.has(key) || parent.endsWith('evidence')) return hint((h) => h.link);
  if (key === 'answer') return hint((h) => h.answer);
  if (
    [
      'title',
      'name',
      'summary',
      'description',
      'note',
      'question',
      'text',
      'label',
      'lead',
      'by',
    ].includes(key)
  ) {
    return hint((h) => h.text);
  }
  if (key === 'commitments') return hint((h) => h.commitments);
  return undefined;
}

/** A status definition with an error (`path` such as `statuses[0]`), and its key if it has one. */
export interface BrokenStatus {
  readonly path: string;
  readonly key?: string;
}

/**
 * The publisher's status definitions that `errors` name, with the key each has in `raw` (the
 * feed's JSON value, when it parsed): a commitment whose status is one of those keys reads as
 * unknown until its definition is fixed.
 */
export function brokenStatusDefinitions(
  errors: readonly FeedIssue[],
  raw: unknown,
): BrokenStatus[] {
  const statuses =
    typeof raw === 'object' && raw !== null ? (raw as { statuses?: unknown }).statuses : undefined;
  const indexes = new Set(
    errors.flatMap((issue) => /^statuses\[(\d+)\]/.exec(issue.path)?.[1] ?? []).map(Number),
  );
  return [...indexes].map((index) => {
    const definition: unknown = Array.isArray(statuses) ? statuses[index] : undefined;
    const key =
      typeof definition === 'object' && definition !== null
        ? (definition as { key?: unknown }).key
        : undefined;
    return { path: `statuses[${index}]`, ...(typeof key === 'string' ? { key } : {}) };
  });
}

/** The latest of some dates, or undefined. */
function latest(dates: readonly (string | undefined)[]): string | undefined {
  return dates
    .filter((date): date is string => date !== undefined)
    .sort()
    .at(-1);
}

/** The update with the latest date (the last written of those on that day), or undefined. */
function newestUpdate(updates: readonly Update[]): Update | undefined {
  return updates.reduce<Update | undefined>(
    (newest, update) => (newest === undefined || update.date >= newest.date ? update : newest),
    undefined,
  );
}

/** A day as French writes it in a sentence, `31 mars 2026`. */
function day(date: string): string {
  return formatDate(date, 'fr');
}

/** A percentage as French writes it, `45 %`. */
function percent(n: number): string {
  return `${formatNumber(n, 'fr')}\u00a0%`;
}

/** A category as the dashboard names it in French, with its code: `« Limité » (limited)`. */
function category(code: Category): string {
  return `«\u00a0${coreMessages.fr.category[code]}\u00a0» (${code})`;
}

function days(n: number): string {
  return pluralIn('fr', n, { one: '{n} jour', other: '{n} jours' });
}

/** The warnings of `publisherWarnings` and `garbledTexts`, in both languages. */
const warnings = defineMessages({
  fr: {
    ofCommitment: (id: string, message: string) => `${id}\u00a0: ${message}`,
    everySite: (source: string, scheme: string, path: string) =>
      `«\u00a0${source}\u00a0» désigne tous les sites\u00a0: l’extension de navigateur l’ignore\u00a0; désignez plutôt votre propre site, par exemple ${scheme}://www.votre-site.fr${path}`,
    publicSuffix: (source: string, scheme: string, host: string, path: string) =>
      `«\u00a0${source}\u00a0» désigne tous les sites en .${host}, que se partagent de nombreux propriétaires\u00a0: l’extension de navigateur l’ignore\u00a0; désignez plutôt votre propre site, par exemple ${scheme}://*.votre-site.${host}${path}`,
    exactAddress: (source: string) =>
      `«\u00a0${source}\u00a0» ne désigne que cette adresse exacte, ni suivie d’un / final ou d’un ?paramètre, ni les pages en dessous\u00a0: terminez-le par * pour les inclure (${source}*)`,
    listedTwice: (value: string) => `«\u00a0${value}\u00a0» figure deux fois`,
    themeTwice: (theme: string) => `le thème «\u00a0${theme}\u00a0» figure deux fois`,
    startsAfterDue: (start: string, due: string) =>
      `commence le ${day(start)}, après son échéance (le ${day(due)})\u00a0; les lecteurs affichent les deux\u00a0: vérifiez les deux dates`,
    duePassed: (due: string, code: Category) =>
      `l’échéance du ${day(due)} est passée et le statut est toujours ${category(code)}\u00a0: mettez le statut à jour, ou repoussez l’échéance par une mise à jour qui explique pourquoi`,
    contradicts: (code: Category, progress: number) =>
      `le statut est ${category(code)} et l’avancement de ${percent(progress)}\u00a0; les lecteurs affichent les deux\u00a0: ${code === 'complete' ? 'mettez l’avancement à 100' : 'choisissez un statut en cours, ou mettez l’avancement à 0'}`,
    newestStatus: (date: string, given: string, shown: string) =>
      `la dernière mise à jour (${day(date)}) donne le statut ${given}, l’engagement ${shown}\u00a0; les lecteurs affichent ${shown}\u00a0: changez aussi le statut de l’engagement`,
    newestProgress: (date: string, given: number, shown: number) =>
      `la dernière mise à jour (${day(date)}) donne un avancement de ${percent(given)}, l’engagement ${percent(shown)}\u00a0; les lecteurs affichent ${percent(shown)}\u00a0: changez aussi l’avancement de l’engagement`,
    updateInFuture: (date: string) => `mise à jour datée du ${day(date)}, dans le futur`,
    doneInFuture: (date: string) => `jalon marqué réalisé le ${day(date)}, dans le futur`,
    askedInFuture: (id: string, date: string) =>
      `interpellation ${id} posée le ${day(date)}, dans le futur`,
    answeredBeforeAsked: (id: string, answered: string, asked: string) =>
      `interpellation ${id} répondue le ${day(answered)}, avant d’avoir été posée (le ${day(asked)})\u00a0; les lecteurs l’écartent du délai médian de réponse\u00a0: vérifiez les deux dates`,
    answeredInFuture: (id: string, date: string) =>
      `interpellation ${id} répondue le ${day(date)}, dans le futur`,
    overdue: (id: string, asked: string, late: number, promised: number) =>
      `l’interpellation ${id} posée le ${day(asked)} est toujours sans réponse, ${days(late)} au-delà du délai promis de ${days(promised)}`,
    staleUpdated: (updated: string, id: string, date: string) =>
      `«\u00a0updated\u00a0» (${updated}) est plus ancien que l’entrée la plus récente (${id}, ${day(date)})\u00a0: mettez «\u00a0updated\u00a0» à jour à chaque modification du flux`,
    updatedInFuture: (updated: string) => `«\u00a0updated\u00a0» est dans le futur (${updated})`,
    garbled: (around: string) =>
      `«\u00a0${around}\u00a0» semble décodé avec le mauvais encodage (é affiché Ã©, ’ affiché â€™)\u00a0: corrigez le texte, ou importez à nouveau le tableur enregistré en UTF-8`,
    beforePeriod: (date: string, start: string) =>
      `le ${day(date)} tombe avant le début de la période du plan (le ${day(start)})\u00a0: vérifiez cette date, ou plan.period si le plan a commencé plus tôt`,
    afterPeriod: (date: string, end: string) =>
      `le ${day(date)} tombe après la fin de la période du plan (le ${day(end)})\u00a0: vérifiez cette date, ou plan.period si le plan dure plus longtemps`,
    moreGarbled: (n: number) =>
      pluralIn('fr', n, {
        one: '{n} autre texte semble décodé avec le mauvais encodage',
        other: '{n} autres textes semblent décodés avec le mauvais encodage',
      }),
  },
  en: {
    ofCommitment: (id: string, message: string) => `${id}: ${message}`,
    everySite: (source: string, scheme: string, path: string) =>
      `"${source}" names every site: the browser extension ignores it; name your own site instead, such as ${scheme}://www.your-site.fr${path}`,
    publicSuffix: (source: string, scheme: string, host: string, path: string) =>
      `"${source}" names every site ending in .${host}, which many owners share: the browser extension ignores it; name your own site instead, such as ${scheme}://*.your-site.${host}${path}`,
    exactAddress: (source: string) =>
      `"${source}" matches that exact address only, not with a final /, a ?query or the pages under it: end it with * to include them (${source}*)`,
    listedTwice: (value: string) => `"${value}" is listed twice`,
    themeTwice: (theme: string) => `the theme "${theme}" is listed twice`,
    startsAfterDue: (start: string, due: string) =>
      `starts ${start}, after it is due (${due}); readers show both: check the two dates`,
    duePassed: (due: string, code: Category) =>
      `due ${due} has passed and the status is still ${code}: update the status, or move the due date with an update saying why`,
    contradicts: (code: Category, progress: number) =>
      `the status is ${code} and the progress ${progress}%; readers show both: ${code === 'complete' ? 'set the progress to 100' : 'set a status under way, or the progress to 0'}`,
    newestStatus: (date: string, given: string, shown: string) =>
      `the newest update (${date}) gives the status ${given}, the commitment ${shown}; readers show ${shown}: set the commitment's status too`,
    newestProgress: (date: string, given: number, shown: number) =>
      `the newest update (${date}) gives a progress of ${given}%, the commitment ${shown}%; readers show ${shown}%: set the commitment's progress too`,
    updateInFuture: (date: string) => `update dated in the future (${date})`,
    doneInFuture: (date: string) => `milestone marked done in the future (${date})`,
    askedInFuture: (id: string, date: string) =>
      `interpellation ${id} asked in the future (${date})`,
    answeredBeforeAsked: (id: string, answered: string, asked: string) =>
      `interpellation ${id} answered ${answered}, before it was asked (${asked}); readers leave it out of the median time to answer: check the two dates`,
    answeredInFuture: (id: string, date: string) =>
      `interpellation ${id} answered in the future (${date})`,
    overdue: (id: string, asked: string, late: number, promised: number) =>
      `interpellation ${id} asked ${asked} is still open, ${plural(late, 'day')} past the promised ${plural(promised, 'day')}`,
    staleUpdated: (updated: string, id: string, date: string) =>
      `"updated" (${updated}) is older than the newest entry (${id}, ${date}): set "updated" whenever you change the feed`,
    updatedInFuture: (updated: string) => `"updated" is in the future (${updated})`,
    garbled: (around: string) =>
      `"${around}" looks decoded with the wrong encoding (é shown as Ã©, ’ as â€™): fix the text, or import the sheet again saved as UTF-8`,
    beforePeriod: (date: string, start: string) =>
      `${date} is before the plan's period starts (${start}): check this date, or plan.period if the plan started earlier`,
    afterPeriod: (date: string, end: string) =>
      `${date} is after the plan's period ends (${end}): check this date, or plan.period if the plan runs longer`,
    moreGarbled: (n: number) => `${n} more texts look decoded with the wrong encoding`,
  },
});

type Warnings = (typeof warnings)['en'];

/** A warning in English (as `--json` gives it), whose French `issueMessage` says in a French run. */
function warning(pick: (words: Warnings) => string): string {
  return worded(warnings, pick);
}

/** A warning about one commitment, which starts with its id. */
function about(id: string, pick: (words: Warnings) => string): string {
  return warning((words) => words.ofCommitment(id, pick(words)));
}

/**
 * Why the extension ignores a `site` or `pages` pattern, or matches it on one address only, with
 * what to write instead; undefined for one it uses as it stands. A feed names its publisher's own
 * pages: the extension leaves out a pattern for every site (host `*`) or for every site under a
 * public suffix (`*://*.fr/*`, `https://*.github.io/*`).
 */
function patternProblem(source: string): ((words: Warnings) => string) | undefined {
  const pattern = parsePattern(source);
  if (pattern === null) return undefined;
  const { scheme, hostKind, host, path } = pattern;
  if (hostKind === 'any') return (words) => words.everySite(source, scheme, path);
  if (hostKind === 'domain' && isPublicSuffix(host))
    return (words) => words.publicSuffix(source, scheme, host, path);
  // An address copied from the browser: it matches itself only, not with a final "/", a query
  // (?page=2) or the pages under it, which the extension would then show nothing on.
  if (!path.includes('*')) return (words) => words.exactAddress(source);
  return undefined;
}

/**
 * Warnings about a valid feed that readers would find misleading or stale, or that the extension
 * would partly ignore, each at its path.
 * `today` is `YYYY-MM-DD`.
 */
export function publisherWarnings(feed: Feed, today: string): FeedIssue[] {
  const warnings: FeedIssue[] = [];
  const updatedDay = feed.updated.slice(0, 10);
  let stale: { id: string; date: string } | undefined;
  (feed.languages ?? []).forEach((lang, l, languages) => {
    if (languages.indexOf(lang) < l)
      warnings.push({ path: `languages[${l}]`, message: warning((w) => w.listedTwice(lang)) });
  });
  (feed.site ?? []).forEach((source, s) => {
    const problem = patternProblem(source);
    if (problem !== undefined) warnings.push({ path: `site[${s}]`, message: warning(problem) });
  });
  feed.commitments.forEach((commitment, index) => {
    const at = `commitments[${index}]`;
    (commitment.pages ?? []).forEach((source, p) => {
      const problem = patternProblem(source);
      if (problem !== undefined)
        warnings.push({ path: `${at}.pages[${p}]`, message: about(commitment.id, problem) });
    });
    (commitment.themes ?? []).forEach((theme, t, themes) => {
      if (themes.indexOf(theme) < t) {
        warnings.push({
          path: `${at}.themes[${t}]`,
          message: about(commitment.id, (w) => w.themeTwice(theme)),
        });
      }
    });
    const { start, due } = commitment;
    if (start !== undefined && due !== undefined && start > due) {
      warnings.push({
        path: `${at}.start`,
        message: about(commitment.id, (w) => w.startsAfterDue(start, due)),
      });
    }
    const { category } = resolveStatus(feed, commitment.status);
    if (
      due !== undefined &&
      due < today &&
      (category === 'not-started' || category === 'limited')
    ) {
      warnings.push({
        path: `${at}.due`,
        message: about(commitment.id, (w) => w.duePassed(due, category)),
      });
    }
    const progress = computeProgress(feed, commitment);
    if (
      progress !== undefined &&
      ((category === 'complete' && progress < 100) || (category === 'not-started' && progress > 0))
    ) {
      warnings.push({
        path: commitment.progress === undefined ? `${at}.status` : `${at}.progress`,
        message: about(commitment.id, (w) => w.contradicts(category, Math.round(progress))),
      });
    }
    const newest = latest([
      ...(commitment.updates ?? []).map((update) => update.date),
      ...(commitment.milestones ?? []).map((milestone) => milestone.done),
      ...(commitment.interpellations ?? []).flatMap((item) => [item.date, item.answer?.date]),
    ]);
    if (
      newest !== undefined &&
      newest > updatedDay &&
      (stale === undefined || newest > stale.date)
    ) {
      stale = { id: commitment.id, date: newest };
    }
    const last = newestUpdate(commitment.updates ?? []);
    const given = last?.status;
    if (last !== undefined && given !== undefined && given !== commitment.status) {
      warnings.push({
        path: `${at}.status`,
        message: about(commitment.id, (w) => w.newestStatus(last.date, given, commitment.status)),
      });
    }
    const [givenProgress, shown] = [last?.progress, commitment.progress];
    if (
      last !== undefined &&
      givenProgress !== undefined &&
      shown !== undefined &&
      givenProgress !== shown
    ) {
      warnings.push({
        path: `${at}.progress`,
        message: about(commitment.id, (w) => w.newestProgress(last.date, givenProgress, shown)),
      });
    }
    (commitment.updates ?? []).forEach((update, u) => {
      if (update.date > today) {
        warnings.push({
          path: `${at}.updates[${u}].date`,
          message: about(commitment.id, (w) => w.updateInFuture(update.date)),
        });
      }
    });
    (commitment.milestones ?? []).forEach((milestone, m) => {
      const { done } = milestone;
      if (done !== undefined && done > today) {
        warnings.push({
          path: `${at}.milestones[${m}].done`,
          message: about(commitment.id, (w) => w.doneInFuture(done)),
        });
      }
    });
    (commitment.interpellations ?? []).forEach((item, i) => {
      if (item.date > today) {
        warnings.push({
          path: `${at}.interpellations[${i}].date`,
          message: about(commitment.id, (w) => w.askedInFuture(item.id, item.date)),
        });
      }
      const answered = item.answer?.date;
      if (answered !== undefined && answered < item.date) {
        warnings.push({
          path: `${at}.interpellations[${i}].answer.date`,
          message: about(commitment.id, (w) => w.answeredBeforeAsked(item.id, answered, item.date)),
        });
      } else if (answered !== undefined && answered > today) {
        warnings.push({
          path: `${at}.interpellations[${i}].answer.date`,
          message: about(commitment.id, (w) => w.answeredInFuture(item.id, answered)),
        });
      }
      const days = daysOverdue(item, feed.interpellation, today);
      const promised = feed.interpellation?.responseDays ?? 0;
      if (days > 0) {
        warnings.push({
          path: `${at}.interpellations[${i}]`,
          message: about(commitment.id, (w) => w.overdue(item.id, item.date, days, promised)),
        });
      }
    });
  });
  const newest = stale;
  if (newest !== undefined) {
    warnings.push({
      path: 'updated',
      message: warning((w) => w.staleUpdated(feed.updated, newest.id, newest.date)),
    });
  }
  if (updatedDay > today) {
    warnings.push({ path: 'updated', message: warning((w) => w.updatedInFuture(feed.updated)) });
  }
  warnings.push(...garbledTexts(feed));
  return warnings;
}

/**
 * Notes on the dates of commitments (start, due, each milestone's due and done dates, each
 * update's date) outside `plan.period`, each at its path. Notes, not warnings: a real plan often
 * carries work begun under the one before, or reported on after its end; but a date outside it
 * is just as often a typing error (2062 for 2026), or a period that was never set right.
 */
export function periodNotes(feed: Feed): FeedIssue[] {
  const period = feed.plan?.period;
  if (period === undefined) return [];
  const notes: FeedIssue[] = [];
  const check = (id: string, path: string, date: string | undefined): void => {
    if (date === undefined) return;
    if (date < period.start)
      notes.push({ path, message: about(id, (w) => w.beforePeriod(date, period.start)) });
    else if (date > period.end)
      notes.push({ path, message: about(id, (w) => w.afterPeriod(date, period.end)) });
  };
  feed.commitments.forEach((commitment, index) => {
    const at = `commitments[${index}]`;
    check(commitment.id, `${at}.start`, commitment.start);
    check(commitment.id, `${at}.due`, commitment.due);
    (commitment.milestones ?? []).forEach((milestone, m) => {
      check(commitment.id, `${at}.milestones[${m}].due`, milestone.due);
      check(commitment.id, `${at}.milestones[${m}].done`, milestone.done);
    });
    (commitment.updates ?? []).forEach((update, u) =>
      check(commitment.id, `${at}.updates[${u}].date`, update.date),
    );
  });
  return notes;
}

/**
 * Text decoded with the wrong encoding, as a file passed through a tool that got it wrong leaves
 * it: UTF-8 read as Windows-1252 (`Ã©` for é, `â€™` for ’), control characters of Windows-1252
 * read as ISO-8859-1, or the replacement character of bytes that could not be read.
 */
const GARBLED =
  /Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u2122]|[\u0080-\u009f\ufffd]/;

/** One warning per string of the feed that looks garbled, at its path (ten at most, then a count). */
export function garbledTexts(feed: Feed): FeedIssue[] {
  const found: FeedIssue[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const match = GARBLED.exec(value);
      if (match) {
        // Invisible control characters are shown as their code, \u0092.
        const around = value
          .slice(Math.max(0, match.index - 12), match.index + 14)
          .replace(
            /[\u0080-\u009f]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          );
        found.push({
          path,
          message: warning((w) => w.garbled(around)),
        });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
  };
  visit(feed, '');
  if (found.length <= 10) return found;
  return [
    ...found.slice(0, 10),
    { path: '$', message: warning((w) => w.moreGarbled(found.length - 10)) },
  ];
}
