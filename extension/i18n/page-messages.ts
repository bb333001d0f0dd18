/**
 * The texts only the extension's pages (popup, options, "My commitments") and its background
 * show, in French and English, kept out of `messages.ts` so that the content script does not carry
 * them onto every page a followed feed names. The pages read both tables merged, through this
 * module's `t`; the French table is typed by the English one, as there.
 */
import type { FeedIssueCode, Lang } from '../../shared/index.ts';
import { formatNumber, plural } from '../../shared/i18n/format.ts';
import type { FailureReason } from '../messaging/protocol.ts';
import { messages, type Messages } from './messages.ts';

const en = {
  popupNothing: 'None of your feeds names this page.',
  /** What the extension does, for a person who has just installed it. */
  about:
    'On the official pages that your feeds name, this extension shows how far each commitment has got and how to question the body in charge.',
  popupHow: 'On a site that publishes a feed, this window offers to subscribe to it.',
  optionsHow:
    'Paste a feed’s address below, or click the toolbar button on a page of the site that publishes it.',
  /** Said before the browser's own prompt, which names the site and not why. */
  permissionWhy:
    'Your browser will then ask you to let the extension read your data on the feed’s site: it needs that to download the feed and show its commitments there.',
  loadFailed: 'The extension could not read its data:',
  popupDashboard: 'My commitments',
  popupOptions: 'Feeds',
  popupHidden: 'The panel and badges are hidden on this site.',
  offerTitle: 'This site publishes a commitments feed',
  offerSubscribe: 'Subscribe',
  offerDone: 'Subscribed',
  feedUrl: 'Feed address',
  subscribe: 'Subscribe',
  subscribing: 'Checking the feed…',
  subscribed: (name: string) => `Subscribed to ${name}.`,
  alreadySubscribed: (name: string) => `Already subscribed to ${name}: nothing was added.`,
  refused: 'This feed was not added:',
  /** A web page was pasted rather than a feed. */
  webPage: 'This address is a web page that announces no commitments feed.',
  /** Said before subscribing to the feed a pasted web page announces. */
  foundFeed: (url: string) => `This page announces the feed ${url}.`,
  /** Said after `foundFeed` when the feed is on a host the person has still to allow. */
  foundElsewhere: (host: string) =>
    `It is on another site, ${host}, which the extension may not read yet.`,
  /** The button that asks for that host, then subscribes. */
  allowAndSubscribe: (host: string) => `Allow ${host} and subscribe`,
  /** The parser's own details of a refused feed, for its publisher. */
  issuesForPublisher: 'Details for the feed’s publisher, in English:',
  /** Why, when the extension itself failed (no answer, an error) rather than the feed. */
  extensionFailed: 'the extension could not do it',
  /** Why a feed was not read; `code` is the parser's reason for refusing it, when it gave one. */
  failureReason: (reason?: FailureReason, status?: number, code?: FeedIssueCode) => {
    switch (reason) {
      case 'http':
        return `the server returned error ${status ?? ''}`.trim();
      case 'network':
        return 'the server could not be reached';
      case 'timeout':
        return 'the server did not answer in time';
      case 'too-large':
        return 'the file is too large';
      case 'refused':
        return code === 'not-json'
          ? 'the file cannot be read (its JSON is incomplete or malformed)'
          : code === 'newer-version'
            ? 'the feed is written in a newer version of the format, which this extension cannot read yet'
            : code === 'too-large'
              ? 'the feed holds more than the extension reads'
              : 'the file is not a valid commitments feed';
      case 'not-http':
        return 'its address must start with http:// or https://';
      case 'aborted':
        return 'the download was cancelled';
      default:
        return 'the feed could not be read';
    }
  },
  warnings: (n: number) =>
    plural('en', n, {
      one: '{n} problem was found in the feed; what could not be read was left out or shown as unknown:',
      other:
        '{n} problems were found in the feed; what could not be read was left out or shown as unknown:',
    }),
  permissionDenied: 'Permission refused: the feed cannot be read.',
  allowSites: (hosts: string) => `Show commitments on ${hosts}`,
  leftOut: (patterns: string) =>
    `Nothing is shown on ${patterns}: it covers the sites of many owners, not just this publisher’s.`,
  allow: 'Allow',
  allowed: (hosts: string) => `Commitments are now shown on ${hosts}.`,
  allowedFor: (name: string, hosts: string) => `${name}: commitments are now shown on ${hosts}.`,
  subscriptions: 'Subscriptions',
  directory: 'Comes with the extension',
  pause: 'Pause',
  resume: 'Resume',
  paused: 'Paused',
  remove: 'Remove',
  removed: (name: string) => `Subscription removed: ${name}`,
  /** Asked in a feed's row before removing it, when the person follows or asked about any of it. */
  removeAsk: (name: string) => `Remove ${name}?`,
  removeFollowed: (n: number) =>
    plural('en', n, {
      one: 'You follow one of its commitments: it will be removed from “My commitments”.',
      other: 'You follow {n} of its commitments: they will be removed from “My commitments”.',
    }),
  /** Removing a subscription keeps the questions asked about its commitments. */
  removeQuestionsKept: (n: number) =>
    plural('en', n, {
      one: 'Your question about one of its commitments stays in “My commitments”.',
      other: 'Your questions about {n} of its commitments stay in “My commitments”.',
    }),
  removeConfirm: 'Yes, remove',
  removeCancel: 'Cancel',
  subscriptionPaused: (name: string) => `Subscription paused: ${name}`,
  subscriptionResumed: (name: string) => `Subscription resumed: ${name}`,
  refreshNow: 'Refresh now',
  refreshedNow: 'refreshed just now',
  lastChecked: (date: string) => `Checked ${date}`,
  failure: (date: string, message: string) =>
    `Refresh failed on ${date}: ${message}. The last good copy stays in use.`,
  notAllowed: 'Not allowed on its pages yet',
  hiddenSites: 'Sites where the panel and badges are hidden',
  showAgain: 'Show again',
  shownAgain: (site: string) => `The panel and badges show again on ${site}`,
  none: 'None.',
  optionsTitle: 'Open Commitments: feeds',
  dashboardTitle: 'My commitments',
  followedTitle: 'Followed commitments',
  /**
   * Where following is done: the overlay has no button for it, and the browser may keep the
   * extension's button in its extensions menu rather than on the toolbar.
   */
  followedNone: (follow: string) =>
    `You follow no commitment yet. On a page about one, click this extension’s button in the toolbar (or in the extensions menu), then click “${follow}”.`,
  changesTitle: 'Recent changes',
  changesNone: 'No change yet.',
  questionsTitle: 'My questions',
  questionsNone: 'No question kept.',
  askedOn: (date: string) => `Asked ${date}`,
  answerDue: (date: string) => `answer due ${date}`,
  overdue: 'Overdue',
  answered: (date: string) => `Answer published ${date}`,
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  /** The exported file's name, without its extension. */
  questionsFile: 'my-questions',
  delete: 'Delete',
  /** Asked in a question's row before deleting it: it cannot be kept again with its date. */
  deleteAsk: (title: string) =>
    `Delete your question about ${title}? The date you asked it goes with it.`,
  deleteConfirm: 'Yes, delete',
  deleted: (title: string) => `Question deleted: ${title}`,
  unfollowed: (title: string) => `No longer followed: ${title}`,
  /** An action the background did not do, said where it was asked, before the reason. */
  notDone: (action: string, what: string) =>
    `“${action}” did not go through for ${what}. Try again. Reason:`,
  privacy: 'The pages you visit are sent to nobody, and everything here stays in this browser.',
  changeStatus: (from: string, to: string) => `Status: ${from} → ${to}`,
  changeProgress: (from: string, to: string) => `Progress: ${from} → ${to}`,
  changeDue: (from: string, to: string) => `Due date: ${from} → ${to}`,
  changeUpdate: (date: string) => `New update (${date})`,
  /** `note`: the update's own words, isolated. */
  changeUpdateNote: (date: string, note: string) => `New update (${date}): ${note}`,
  changeAnswer: (date: string) => `Answer published (${date})`,
  /** A new interpellation in a record kept before its date and question were. */
  changeInterpellation: 'New citizen question',
  /** `date`: when it was asked. */
  changeInterpellationAsked: (date: string) => `New citizen question (${date})`,
  /** `question`: the citizen's own words, isolated. */
  changeInterpellationQuestion: (date: string, question: string) =>
    `New citizen question (${date}): “${question}”`,
  changeText: 'Text edited',
  changeRemoved: 'Missing from the publisher’s latest feed',
  manyChangesTitle: 'Commitments you follow',
  manyChanges: (n: number) =>
    `${formatNumber(n, 'en')} changes to commitments you follow: see them in “My commitments”.`,
  // A progress or due date that a version of the feed did not give (French words agree with each).
  noProgress: 'not reported',
  noDue: 'none',
  fictional: 'example',
};

/** The shape of a table of page-only texts. */
export type PageOnlyMessages = typeof en;

const fr: PageOnlyMessages = {
  popupNothing: 'Aucun de vos flux ne cite cette page.',
  about:
    'Sur les pages officielles que citent vos flux, cette extension montre où en est chaque engagement et comment interpeller l’organisme responsable.',
  popupHow: 'Sur un site qui publie un flux, cette fenêtre propose de s’y abonner.',
  optionsHow:
    'Collez l’adresse d’un flux ci-dessous, ou cliquez sur le bouton de la barre d’outils sur une page du site qui le publie.',
  permissionWhy:
    'Votre navigateur vous demandera alors d’autoriser l’extension à lire vos données sur le site du flux\u00a0: il lui faut cela pour télécharger le flux et y afficher ses engagements.',
  loadFailed: 'L’extension n’a pas pu lire ses données\u00a0:',
  popupDashboard: 'Mes engagements',
  popupOptions: 'Flux',
  popupHidden: 'Le panneau et les pastilles sont masqués sur ce site.',
  offerTitle: 'Ce site publie un flux d’engagements',
  offerSubscribe: 'S’abonner',
  offerDone: 'Abonnement enregistré',
  feedUrl: 'Adresse du flux',
  subscribe: 'S’abonner',
  subscribing: 'Vérification du flux…',
  subscribed: (name) => `Abonnement enregistré\u00a0: ${name}.`,
  alreadySubscribed: (name) =>
    `Ce flux est déjà dans vos abonnements (${name})\u00a0: rien n’a été ajouté.`,
  refused: 'Ce flux n’a pas été ajouté\u00a0:',
  webPage: 'Cette adresse est une page web qui n’annonce aucun flux d’engagements.',
  foundFeed: (url) => `Cette page annonce le flux ${url}.`,
  foundElsewhere: (host) =>
    `Il se trouve sur un autre site, ${host}, que l’extension n’a pas encore le droit de lire.`,
  allowAndSubscribe: (host) => `Autoriser ${host} et s’abonner`,
  issuesForPublisher: 'Détails pour l’éditeur du flux, en anglais\u00a0:',
  extensionFailed: 'l’extension n’a pas pu le faire',
  failureReason: (reason, status, code) => {
    switch (reason) {
      case 'http':
        return `le serveur a répondu par l’erreur ${status ?? ''}`.trim();
      case 'network':
        return 'le serveur est injoignable';
      case 'timeout':
        return 'le serveur n’a pas répondu à temps';
      case 'too-large':
        return 'le fichier est trop volumineux';
      case 'refused':
        return code === 'not-json'
          ? 'le fichier est illisible (son JSON est incomplet ou mal formé)'
          : code === 'newer-version'
            ? 'le flux est écrit dans une version plus récente du format, que cette extension ne sait pas encore lire'
            : code === 'too-large'
              ? 'le flux contient plus que ce que l’extension lit'
              : 'le fichier n’est pas un flux d’engagements valide';
      case 'not-http':
        return 'son adresse doit commencer par http:// ou https://';
      case 'aborted':
        return 'le téléchargement a été annulé';
      default:
        return 'le flux n’a pas pu être lu';
    }
  },
  warnings: (n) =>
    plural('fr', n, {
      one: '{n} problème a été trouvé dans le flux\u00a0; ce qui n’a pas pu être lu a été laissé de côté ou montré comme inconnu\u00a0:',
      other:
        '{n} problèmes ont été trouvés dans le flux\u00a0; ce qui n’a pas pu être lu a été laissé de côté ou montré comme inconnu\u00a0:',
    }),
  permissionDenied: 'Autorisation refusée\u00a0: le flux ne peut pas être lu.',
  allowSites: (hosts) => `Afficher les engagements sur ${hosts}`,
  leftOut: (patterns) =>
    `Rien n’est affiché sur ${patterns}\u00a0: cela couvre les sites de nombreux propriétaires, pas seulement ceux de cet organisme.`,
  allow: 'Autoriser',
  allowed: (hosts) => `Les engagements sont désormais affichés sur ${hosts}.`,
  allowedFor: (name, hosts) =>
    `${name}\u00a0: les engagements sont désormais affichés sur ${hosts}.`,
  subscriptions: 'Abonnements',
  directory: 'Fourni avec l’extension',
  pause: 'Suspendre',
  resume: 'Reprendre',
  paused: 'Suspendu',
  remove: 'Retirer',
  removed: (name) => `Abonnement retiré\u00a0: ${name}`,
  removeAsk: (name) => `Retirer l’abonnement «\u00a0${name}\u00a0»\u00a0?`,
  removeFollowed: (n) =>
    plural('fr', n, {
      one: 'Vous suivez un de ses engagements\u00a0: il sera retiré de «\u00a0Mes engagements\u00a0».',
      other:
        'Vous suivez {n} de ses engagements\u00a0: ils seront retirés de «\u00a0Mes engagements\u00a0».',
    }),
  removeQuestionsKept: (n) =>
    plural('fr', n, {
      one: 'Votre question sur l’un de ses engagements reste dans «\u00a0Mes engagements\u00a0».',
      other: 'Vos questions sur {n} de ses engagements restent dans «\u00a0Mes engagements\u00a0».',
    }),
  removeConfirm: 'Oui, retirer',
  removeCancel: 'Annuler',
  subscriptionPaused: (name) => `Abonnement suspendu\u00a0: ${name}`,
  subscriptionResumed: (name) => `Abonnement repris\u00a0: ${name}`,
  refreshNow: 'Actualiser',
  refreshedNow: 'actualisé à l’instant',
  lastChecked: (date) => `Vérifié le ${date}`,
  failure: (date, message) =>
    `Échec de l’actualisation le ${date}\u00a0: ${message}. La dernière copie valide reste utilisée.`,
  notAllowed: 'Pas encore autorisé sur ses pages',
  hiddenSites: 'Sites où le panneau et les pastilles sont masqués',
  showAgain: 'Réafficher',
  shownAgain: (site) => `Le panneau et les pastilles s’affichent de nouveau sur ${site}`,
  none: 'Aucun.',
  optionsTitle: 'Engagements ouverts\u00a0: flux',
  dashboardTitle: 'Mes engagements',
  followedTitle: 'Engagements suivis',
  followedNone: (follow) =>
    `Vous ne suivez encore aucun engagement. Sur une page qui en parle, cliquez sur le bouton de cette extension dans la barre d’outils (ou dans le menu des extensions) puis sur «\u00a0${follow}\u00a0».`,
  changesTitle: 'Changements récents',
  changesNone: 'Aucun changement pour le moment.',
  questionsTitle: 'Mes questions',
  questionsNone: 'Aucune question gardée.',
  askedOn: (date) => `Posée le ${date}`,
  answerDue: (date) => `réponse attendue le ${date}`,
  overdue: 'En retard',
  answered: (date) => `Réponse publiée le ${date}`,
  exportCsv: 'Exporter en CSV',
  exportJson: 'Exporter en JSON',
  questionsFile: 'mes-questions',
  delete: 'Supprimer',
  deleteAsk: (title) =>
    `Supprimer votre question sur ${title}\u00a0? La date à laquelle vous l’avez posée sera perdue.`,
  deleteConfirm: 'Oui, supprimer',
  deleted: (title) => `Question supprimée\u00a0: ${title}`,
  unfollowed: (title) => `Vous ne suivez plus\u00a0: ${title}`,
  notDone: (action, what) =>
    `«\u00a0${action}\u00a0» n’a pas abouti pour ${what}. Réessayez. Raison\u00a0:`,
  privacy:
    'Les pages que vous visitez ne sont envoyées à personne, et tout ceci reste dans ce navigateur.',
  changeStatus: (from, to) => `État\u00a0: ${from} → ${to}`,
  changeProgress: (from, to) => `Avancement\u00a0: ${from} → ${to}`,
  changeDue: (from, to) => `Échéance\u00a0: ${from} → ${to}`,
  changeUpdate: (date) => `Nouvelle mise à jour (${date})`,
  changeUpdateNote: (date, note) => `Nouvelle mise à jour (${date})\u00a0: ${note}`,
  changeAnswer: (date) => `Réponse publiée (${date})`,
  changeInterpellation: 'Nouvelle interpellation',
  changeInterpellationAsked: (date) => `Nouvelle interpellation (${date})`,
  changeInterpellationQuestion: (date, question) =>
    `Nouvelle interpellation (${date})\u00a0: «\u00a0${question}\u00a0»`,
  changeText: 'Texte modifié',
  changeRemoved: 'Absent du dernier flux de l’organisme',
  manyChangesTitle: 'Engagements que vous suivez',
  manyChanges: (n) =>
    `${formatNumber(n, 'fr')}\u00a0changements sur les engagements que vous suivez\u00a0: consultez-les dans «\u00a0Mes engagements\u00a0».`,
  noProgress: 'non communiqué',
  noDue: 'aucune',
  fictional: 'exemple',
};

/** Both page-only tables, for the test that every text exists in every language. */
export const pageMessages: Record<Lang, PageOnlyMessages> = { en, fr };

/** What a page reads: the content script's texts and its own. */
export type PageMessages = Messages & PageOnlyMessages;

const merged: Record<Lang, PageMessages> = {
  en: { ...messages.en, ...en },
  fr: { ...messages.fr, ...fr },
};

/** The table for `lang`, as the extension's pages and background use it. */
export function t(lang: Lang): PageMessages {
  return merged[lang];
}
