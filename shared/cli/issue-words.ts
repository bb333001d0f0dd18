/**
 * How the command line words a feed's issues for a person: the core's messages are in English (for
 * publishers' tools and logs, and as `--json` gives them); in a French run each is said in French.
 *
 * The core (shared/feed) stays English only, since the widget ships it: its messages are read back
 * here through patterns over their English templates, whose variable parts (paths, values, lists,
 * numbers) are kept as they are. The messages the command line makes itself (hints, warnings) are
 * written in both languages where they are made (`worded`). A message that none of these knows is
 * shown in English, as it is.
 */
import { cliLang, say } from './lang.ts';
import { defineMessages, type MessageTables, type MessageTree } from '../i18n/define-messages.ts';
import { formatNumber } from '../i18n/format.ts';

const labels = defineMessages({
  fr: { error: 'erreur    ', warning: 'attention ', note: 'note      ' },
  en: { error: 'error    ', warning: 'warning  ', note: 'note     ' },
});

/** The word that starts a line of the report, padded so that what follows lines up. */
export function issueLabel(kind: 'error' | 'warning' | 'note'): string {
  return say(labels)[kind];
}

/** The French of the messages `worded` made in this process, by their English. */
const frenchOf = new Map<string, string>();

/**
 * A message the command line makes itself, in English (as `--json` and scripts get it); in a
 * French run, `issueMessage` then says it in French. `pick` takes the message out of a table.
 */
export function worded<M extends MessageTree>(
  tables: MessageTables<M>,
  pick: (words: M) => string,
): string {
  const english = pick(tables.en);
  if (cliLang() === 'fr') {
    // A long-lived process running many commands (a test run) need not keep them all.
    if (frenchOf.size >= 10_000) frenchOf.clear();
    frenchOf.set(english, pick(tables.fr));
  }
  return english;
}

/** One of the core's issue messages, or of the command line's own, in this run's language. */
export function issueMessage(message: string): string {
  if (cliLang() === 'en') return message;
  return frenchOf.get(message) ?? inFrench(message) ?? message;
}

/** A count as French writes it, `20 000`. */
function count(digits: string): string {
  return formatNumber(Number(digits), 'fr');
}

/** What a tolerant reader did instead, in the parentheses that end its warning. */
const CONSEQUENCES: Readonly<Record<string, string>> = {
  ignored: 'ignoré',
  dropped: 'écarté',
  'this one is dropped': 'celui-ci est écarté',
  'the period is dropped': 'la période est écartée',
  'the interpellation is dropped': 'l’interpellation est écartée',
  'shown as "unknown"': 'affiché comme «\u00a0unknown\u00a0»',
  'read as "other"': 'lu comme «\u00a0other\u00a0»',
};

/** The values an issue quotes in words (`describe` in parse-feed.ts); the others are JSON. */
const VALUES: Readonly<Record<string, string>> = {
  'an array': 'une liste',
  'an object': 'un objet',
  'an empty object': 'un objet vide',
  nothing: 'rien',
  bigint: 'un grand entier',
  function: 'une fonction',
  symbol: 'un symbole',
};

/** A value as an issue quotes it: `"x"`, `12`, `true`, `null`, or words. */
const VALUE = String.raw`"(?:[^"\\]|\\.)*"|-?\d[\d.e+-]*|true|false|null|NaN|-?Infinity|an array|an object|an empty object|nothing|bigint|function|symbol`;

function value(text: string): string {
  return VALUES[text] ?? (text.startsWith('"') ? guillemets(text) : text);
}

/**
 * A JSON string of an issue (`"in-progress"`) as French quotes a value, between guillemets
 * (`« in-progress »`). Escapes stay as JSON writes them, so that a control character or a trailing
 * space stays visible; only the escaped quote is written as itself.
 */
function guillemets(json: string): string {
  return quoted(json.slice(1, -1).replace(/\\"/g, '"'));
}

/** `text` between French quotes, with the non-breaking spaces French puts inside them. */
export function quoted(text: string): string {
  return `\u00ab\u00a0${text}\u00a0\u00bb`;
}

/** The kinds of object the reader names, as what was expected, where a field is, and dropped. */
const OBJECTS: Readonly<Record<string, { a: string; in: string; dropped: string }>> = {
  'a publisher': { a: 'un éditeur', in: 'dans l’éditeur', dropped: 'éditeur écarté' },
  'a period': { a: 'une période', in: 'dans la période', dropped: 'période écartée' },
  'a plan': { a: 'un plan', in: 'dans le plan', dropped: 'plan écarté' },
  'an interpellation channel': {
    a: 'un canal d’interpellation',
    in: 'dans le canal d’interpellation',
    dropped: 'canal d’interpellation écarté',
  },
  'a status': { a: 'un statut', in: 'dans un statut', dropped: 'statut écarté' },
  'a milestone': { a: 'un jalon', in: 'dans un jalon', dropped: 'jalon écarté' },
  'an answer': { a: 'une réponse', in: 'dans une réponse', dropped: 'réponse écartée' },
  'an interpellation': {
    a: 'une interpellation',
    in: 'dans une interpellation',
    dropped: 'interpellation écartée',
  },
  'an update': { a: 'une mise à jour', in: 'dans une mise à jour', dropped: 'mise à jour écartée' },
  'a commitment': { a: 'un engagement', in: 'dans un engagement', dropped: 'engagement écarté' },
  'the feed': { a: 'le flux', in: 'dans le flux', dropped: 'flux écarté' },
};

/** What the items of a list are (`an array of …`), after « une liste ». */
const ITEMS: Readonly<Record<string, string>> = {
  statuses: 'de statuts',
  'http(s) URLs': 'd’adresses http(s)',
  'non-empty strings': 'de chaînes de caractères non vides',
  texts: 'de textes',
  'match patterns': 'de motifs d’adresse',
  milestones: 'de jalons',
  updates: 'de mises à jour',
  interpellations: 'd’interpellations',
  'language tags': 'de codes de langue',
  commitments: 'd’engagements',
};

/** What the reader expected, word for word. */
const EXPECTED: Readonly<Record<string, string>> = {
  'an identifier (1–64 characters of A-Z a-z 0-9 . _ -)':
    'un identifiant (1 à 64 caractères parmi A-Z a-z 0-9 . _ -)',
  'a date YYYY-MM-DD that exists in the calendar':
    'une date AAAA-MM-JJ qui existe dans le calendrier',
  'an RFC 3339 date-time such as "2026-11-30T09:00:00Z"':
    'une date et une heure RFC 3339, par exemple «\u00a02026-11-30T09:00:00Z\u00a0»',
  'an absolute http(s) URL': 'une adresse http(s) absolue',
  'an absolute http(s) URL, whose only placeholders are {id}, {title}, {plan} and {page}':
    'une adresse http(s) absolue, dont les seules variables sont {id}, {title}, {plan} et {page}',
  'an e-mail address': 'une adresse électronique',
  'a non-empty string': 'une chaîne de caractères non vide',
  'a language tag such as "fr" or "en-GB"':
    'un code de langue tel que «\u00a0fr\u00a0» ou «\u00a0en-GB\u00a0»',
  'a match pattern such as "https://www.example.fr/path/*" or "*://*.example.fr/*"':
    'un motif d’adresse tel que «\u00a0https://www.example.fr/path/*\u00a0» ou «\u00a0*://*.example.fr/*\u00a0»',
  'a number from 0 to 100': 'un nombre de 0 à 100',
  'a whole number, 0 or more': 'un nombre entier, 0 ou plus',
  'a number greater than 0': 'un nombre supérieur à 0',
  'a text (a string, or an object of language tag to string)':
    'un texte (une chaîne de caractères, ou un objet qui associe à des codes de langue des chaînes de caractères)',
  'a string or an object of language tag to string':
    'une chaîne de caractères, ou un objet qui associe à des codes de langue des chaînes de caractères',
  'a language tag such as "fr" or "en-GB" as key':
    'un code de langue tel que «\u00a0fr\u00a0» ou «\u00a0en-GB\u00a0» comme clé',
  'a string': 'une chaîne de caractères',
  'at least one language with a string': 'au moins une langue avec sa chaîne de caractères',
  'an object of identifier to string':
    'un objet qui associe à des identifiants des chaînes de caractères',
  'an identifier as key (not __proto__, constructor or prototype)':
    'un identifiant comme clé (ni __proto__, ni constructor, ni prototype)',
  'a url or an email to send interpellations to':
    'un champ url ou email, où envoyer les interpellations',
  'an answer, required when status is "answered"':
    'une réponse, obligatoire quand status vaut «\u00a0answered\u00a0»',
  'a JSON object (a feed)': 'un objet JSON (un flux)',
  'an array of commitments (it may be empty)': 'une liste d’engagements (elle peut être vide)',
};

/** A list the reader writes, `a, b and 3 more`. */
function list(text: string): string {
  return text.replace(/ and (\d+) more$/, (_, more: string) => ` et ${count(more)} autres`);
}

/** What the reader expected, in French; undefined when unknown. */
function expected(text: string): string | undefined {
  const known = EXPECTED[text] ?? OBJECTS[text]?.a;
  if (known !== undefined) return known;
  let m: RegExpExecArray | null;
  if ((m = /^an array of (.+)$/.exec(text))) {
    const items = ITEMS[m[1] ?? ''];
    return items === undefined ? undefined : `une liste ${items}`;
  }
  if ((m = /^(.+) \(an object\)$/.exec(text))) {
    const what = OBJECTS[m[1] ?? ''];
    return what === undefined ? undefined : `${what.a} (un objet)`;
  }
  if ((m = /^one of (.+)$/.exec(text))) return `une valeur parmi ${list(m[1] ?? '')}`;
  if ((m = /^a category: one of (.+)$/.exec(text)))
    return `une catégorie parmi ${list(m[1] ?? '')}`;
  if ((m = /^a status: one of (.+)$/.exec(text))) return `un statut parmi ${list(m[1] ?? '')}`;
  if ((m = /^a date on or after start \(([^)]*)\)$/.exec(text)))
    return `une date égale ou postérieure à start (${m[1] ?? ''})`;
  if (/^"[^"]*"$/.test(text)) return guillemets(text);
  return undefined;
}

/** `champs x, y manquants ou invalides`: agrees with the number of fields named. */
function missingOrInvalid(fields: string): string {
  const several = /, | and /.test(fields);
  return several
    ? `champs ${list(fields)} manquants ou invalides`
    : `champ ${fields} manquant ou invalide`;
}

type Rule = readonly [RegExp, (...parts: string[]) => string | undefined];

/** Prefixes a French rendering with « attendu : », or gives undefined when there is none. */
function expecting(what: string, before = ''): string | undefined {
  const french = expected(what);
  return french === undefined ? undefined : `${before}attendu\u00a0: ${french}`;
}

/** The core's messages, by their English templates (see parse-feed.ts). */
const RULES: readonly Rule[] = [
  [
    new RegExp(`^expected (.+), got (${VALUE})$`, 's'),
    (what, got) => {
      const french = expecting(what);
      return french === undefined ? undefined : `${french}\u00a0; trouvé\u00a0: ${value(got)}`;
    },
  ],
  [/^missing; expected (.+)$/s, (what) => expecting(what, 'manquant\u00a0; ')],
  [
    /^expected a key of the publisher's own, not the category name (.+) \(map it with category\)$/s,
    (name) =>
      `attendu\u00a0: une clé propre à l’éditeur, et non le nom de catégorie ${name} (rattachez le statut à sa catégorie avec category)`,
  ],
  [/^expected (.+)$/s, (what) => expecting(what)],
  [
    /^unknown field of (.+), ignored; known: (.+)$/s,
    (what, known) => {
      const where = OBJECTS[what]?.in;
      return where === undefined
        ? undefined
        : `champ inconnu ${where}, ignoré\u00a0; champs connus\u00a0: ${list(known)}`;
    },
  ],
  [
    /^(.+) dropped: (.+) missing or invalid$/s,
    (what, fields) => {
      const dropped = OBJECTS[what]?.dropped;
      return dropped === undefined ? undefined : `${dropped}\u00a0: ${missingOrInvalid(fields)}`;
    },
  ],
  [
    new RegExp(`^duplicate ([\\w-]+) (${VALUE}), first used at (.+)$`, 's'),
    (field, key, first) => `${field} ${value(key)} en double, déjà pris par ${first}`,
  ],
  [
    new RegExp(`^unknown status (${VALUE}); known: (.+)$`, 's'),
    (status, known) =>
      `statut inconnu ${value(status)}\u00a0; statuts connus\u00a0: ${list(known)}`,
  ],
  [
    new RegExp(`^unknown format (${VALUE}); expected ("[^"]*")$`, 's'),
    (format, wanted) => `format inconnu ${value(format)}\u00a0; attendu\u00a0: ${value(wanted)}`,
  ],
  [
    /^version (\d+) of the format is not read here; this reader reads ("[^"]*") \(and its minor versions ([^)]*)\)$/,
    (version, format, minors) =>
      `la version ${version} du format n’est pas lue ici\u00a0; ce lecteur lit ${value(format)} (et ses versions mineures ${minors})`,
  ],
  [
    new RegExp(`^minor version (${VALUE}) read as ("[^"]*"); fields it adds are ignored$`, 's'),
    (version, format) =>
      `version mineure ${value(version)} lue comme ${value(format)}\u00a0; les champs qu’elle ajoute sont ignorés`,
  ],
  [
    /^text of (\d+) characters exceeds the limit of (\d+)$/,
    (length, max) => `un texte de ${count(length)} caractères dépasse la limite de ${count(max)}`,
  ],
  [
    /^(\d+) items exceed the limit of (\d+)$/,
    (length, max) => `${count(length)} éléments dépassent la limite de ${count(max)}`,
  ],
  [
    /^(\d+) commitments exceed the limit of (\d+)$/,
    (length, max) => `${count(length)} engagements dépassent la limite de ${count(max)}`,
  ],
  [
    /^more issues were found; only the first (\d+) are listed$/,
    (max) =>
      `d’autres problèmes ont été trouvés\u00a0; seuls les ${count(max)} premiers sont listés`,
  ],
  [
    /^the feed is larger than the limit of (\d+) bytes$/,
    (max) => `le flux dépasse la limite de ${count(max)} octets`,
  ],
  [
    /^the feed \((\d+) bytes\) is larger than the limit of (\d+) bytes$/,
    (size, max) => `le flux (${count(size)} octets) dépasse la limite de ${count(max)} octets`,
  ],
  [/^the feed is not valid UTF-8 text$/, () => 'le flux n’est pas un texte UTF-8 valide'],
  [
    /^the feed is not valid JSON: (.*)$/s,
    (reason) => {
      const french = jsonReason(reason);
      return french === undefined ? undefined : `le flux n’est pas du JSON valide\u00a0: ${french}`;
    },
  ],
  [/^the feed could not be read$/, () => 'le flux n’a pas pu être lu'],
  [
    /^the feed could not be read: (.*)$/s,
    (reason) => `le flux n’a pas pu être lu\u00a0: ${reason}`,
  ],
  [/^no usable publisher$/, () => 'aucun éditeur utilisable'],
  [
    /^no usable date of last change; a reader cannot tell how fresh the feed is$/,
    () =>
      'aucune date de dernière modification utilisable\u00a0; un lecteur ne peut pas savoir si le flux est à jour',
  ],
  [
    /^text dropped: no language with a usable string$/,
    () => 'texte écarté\u00a0: aucune langue avec une chaîne de caractères utilisable',
  ],
  [
    /^interpellation channel dropped: no usable url or email$/,
    () => 'canal d’interpellation écarté\u00a0: ni url ni email utilisable',
  ],
  [
    /^publisher kind read as "other"$/,
    () => 'type (kind) de l’éditeur lu comme «\u00a0other\u00a0»',
  ],
  [
    /^interpellation dropped: its answer is unusable and its status is "answered"$/,
    () =>
      'interpellation écartée\u00a0: sa réponse est inutilisable et son statut est «\u00a0answered\u00a0»',
  ],
  // The example values of `init` left in a feed (init.ts), in case they come here in English.
  [
    /^("[^]*") is an example written by init: replace it with yours$/,
    (text) => `${value(text)} est un exemple écrit par init\u00a0: remplacez-le par le vôtre`,
  ],
  [
    /^("[^]*") is a placeholder written by import: replace it with your name$/,
    (text) =>
      `${value(text)} est un nom provisoire écrit par l’import\u00a0: remplacez-le par le vôtre`,
  ],
  [
    /^("[^]*") is an example address \(([^)]*)\): replace it with your site's$/,
    (address, host) =>
      `${value(address)} est une adresse d’exemple (${host})\u00a0: remplacez-la par celle de votre site`,
  ],
];

/** The start of a JSON syntax error as V8 words it, then what the command line adds. */
const JSON_HEADS: readonly Rule[] = [
  [
    /^Unexpected token ('[^]*?'), ((?:\.\.\.)?"[^]*"(?:\.\.\.)?) is not valid JSON/,
    (token, context) => `caractère inattendu ${character(token)} dans ${excerpt(context)}`,
  ],
  [/^Unexpected token ('[^]*?'|\S)/, (token) => `caractère inattendu ${character(token)}`],
  [/^Unexpected end of JSON input/, () => 'le texte s’arrête avant la fin du JSON'],
  [/^Unexpected number/, () => 'nombre inattendu'],
  [/^Unexpected string/, () => 'chaîne de caractères inattendue'],
  [/^Unexpected non-whitespace character after JSON/, () => 'texte en trop après la fin du JSON'],
  [/^Unterminated string/, () => 'chaîne de caractères sans guillemet fermant'],
  [/^Expected property name or '}'/, () => 'nom de propriété ou «\u00a0}\u00a0» attendu'],
  [
    /^Expected ',' or ']' after array element/,
    () => '«\u00a0,\u00a0» ou «\u00a0]\u00a0» attendu après un élément de liste',
  ],
  [
    /^Expected ',' or '}' after property value/,
    () => '«\u00a0,\u00a0» ou «\u00a0}\u00a0» attendu après la valeur d’une propriété',
  ],
  [
    /^Expected ':' after property name/,
    () => '«\u00a0:\u00a0» attendu après le nom d’une propriété',
  ],
  [
    /^Expected double-quoted property name/,
    () => 'nom de propriété entre guillemets doubles attendu',
  ],
  [/^Exponent part is missing a number/, () => 'exposant sans chiffre'],
  [/^Unterminated fractional number/, () => 'nombre décimal sans chiffre après le point'],
  [/^No number after minus sign/, () => 'aucun chiffre après le signe moins'],
  [
    /^Bad control character in string literal/,
    () => 'caractère de contrôle interdit dans une chaîne de caractères',
  ],
  [/^Bad Unicode escape/, () => 'séquence d’échappement Unicode invalide'],
  [/^Bad escaped character/, () => 'caractère échappé invalide'],
  [/^("[^]*") is not valid JSON/, (text) => `texte illisible ${excerpt(text)}`],
  [/^syntax error/, () => 'erreur de syntaxe'],
];

/** What the command line adds to a JSON syntax error for a hand-edited feed (output.ts). */
const JSON_NOTES: readonly Rule[] = [
  [
    /^remove the comma before it: JSON allows none after the last item$/,
    () =>
      'supprimez la virgule qui le précède\u00a0: JSON n’en admet aucune après le dernier élément',
  ],
  [
    /^JSON has no comments: remove the comment \(\/\/ … or \/\* … \*\/\)$/,
    () => 'JSON n’admet pas de commentaires\u00a0: supprimez le commentaire (// … ou /* … */)',
  ],
  [
    /^JSON puts names and texts between double quotes "…", not single ones$/,
    () =>
      'JSON met les noms et les textes entre guillemets doubles «\u00a0"…"\u00a0», pas entre apostrophes',
  ],
  [
    /^a decimal number takes a point in JSON: (.*)$/,
    (number) => `en JSON, un nombre décimal s’écrit avec un point\u00a0: ${number}`,
  ],
];

/** A character V8 quotes as `'x'` (or gives bare), between French quotes. */
function character(token: string): string {
  return quoted(/^'[^]*'$/.test(token) ? token.slice(1, -1) : token);
}

/** The stretch of a JSON text V8 quotes (`"…text…"`, maybe cut with `...`), between French quotes. */
function excerpt(text: string): string {
  const m = /^((?:\.\.\.)?)"([^]*)"((?:\.\.\.)?)$/.exec(text);
  return m ? quoted(`${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}`) : text;
}

/** `text` by the first rule whose pattern it matches, or undefined when none does. */
function apply(rules: readonly Rule[], text: string): string | undefined {
  for (const [pattern, french] of rules) {
    const m = pattern.exec(text);
    if (m) return french(...m.slice(1).map((part) => part ?? ''));
  }
  return undefined;
}

/** A JSON syntax error's reason, with where it is and the command line's advice, in French. */
function jsonReason(reason: string): string | undefined {
  for (const [pattern, french] of JSON_HEADS) {
    const head = pattern.exec(reason);
    if (!head) continue;
    const rest =
      /^(?: in JSON)?(?: at (?:line (\d+), column (\d+)|position (\d+)(?: \(line (\d+) column (\d+)\))?))?(?:; ([^]*))?$/.exec(
        reason.slice(head[0].length),
      );
    if (!rest) return undefined;
    const [, line, column, position, line2, column2, note] = rest;
    const where =
      line !== undefined || line2 !== undefined
        ? ` à la ligne ${line ?? line2}, colonne ${column ?? column2}`
        : position !== undefined
          ? ` à la position ${position}`
          : '';
    const advice = note === undefined ? '' : apply(JSON_NOTES, note);
    if (advice === undefined) return undefined;
    return `${french(...head.slice(1).map((part) => part ?? ''))}${where}${advice ? `\u00a0; ${advice}` : ''}`;
  }
  return undefined;
}

/** One of the core's messages in French, or undefined when it is none of those known. */
function inFrench(message: string): string | undefined {
  const tolerant = / \(([^()]*)\)$/.exec(message);
  const consequence = tolerant ? CONSEQUENCES[tolerant[1] ?? ''] : undefined;
  if (tolerant && consequence !== undefined) {
    const body = apply(RULES, message.slice(0, tolerant.index));
    return body === undefined ? undefined : `${body} (${consequence})`;
  }
  return apply(RULES, message);
}
