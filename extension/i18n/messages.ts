/**
 * The extension's own texts in French and English. The French table is typed by the English
 * one, so a key missing in either language is a type error; category labels, dates and numbers
 * come from the core (`shared/i18n`).
 */
import { browser } from 'wxt/browser';
import type { Lang } from '../../shared/index.ts';
import { pickLang } from '../../shared/i18n/lang.ts';
import { plural } from '../../shared/i18n/format.ts';
import type { FailureReason } from '../messaging/protocol.ts';

const en = {
  overlayTitle: 'Commitments on this page',
  overlayMove: 'Move the panel (arrow keys)',
  overlayClose: 'Close',
  overlayHideSite: 'Never on this site',
  overlayCorner: 'Move the panel to another corner',
  overlayHidden: 'Hidden on this site.',
  undo: 'Undo',
  overlayPlan: (n: number) =>
    plural('en', n, { one: '{n} commitment in this plan', other: '{n} commitments in this plan' }),
  overlayLate: (n: number) => plural('en', n, { one: '{n} late', other: '{n} late' }),
  progress: 'Progress',
  due: (date: string) => `Due ${date}`,
  late: 'Late',
  lastUpdate: (date: string) => `Last update ${date}`,
  interpellate: 'Question this',
  interpellateTitle: 'Formally question the body in charge',
  noChannel: 'This publisher offers no way to question it formally.',
  goesTo: (target: string) => `Goes to ${target}`,
  responseDays: (n: number) =>
    plural('en', n, {
      one: 'Answer promised within {n} day',
      other: 'Answer promised within {n} days',
    }),
  threshold: (n: number) =>
    plural('en', n, {
      one: '{n} supporter needed for a formal answer',
      other: '{n} supporters needed for a formal answer',
    }),
  rules: 'Rules of the process',
  continueToForm: 'Open the official form',
  continueToEmail: 'Write the email',
  remember: 'Remember this question on this device',
  remembered: 'Kept on this device. Nothing leaves your browser.',
  rememberFailed: 'This question could not be kept. Try again.',
  popupNothing: 'No followed feed names this page.',
  popupDashboard: 'My commitments',
  popupOptions: 'Feeds',
  follow: 'Follow',
  unfollow: 'Unfollow',
  followed: 'Followed',
  offerTitle: 'This site publishes a commitments feed',
  /** Between a label and its value: a no-break space before the colon in French. */
  colon: ': ',
  offerSubscribe: 'Subscribe',
  offerDone: 'Subscribed',
  feedUrl: 'Feed URL',
  subscribe: 'Subscribe',
  subscribing: 'Checking the feed…',
  subscribed: (name: string) => `Subscribed to ${name}.`,
  refused: 'This feed was not added:',
  failureReason: (reason?: FailureReason, status?: number) => {
    switch (reason) {
      case 'http':
        return `the server answered with error ${status ?? ''}`.trim();
      case 'network':
        return 'the server could not be reached';
      case 'timeout':
        return 'the server did not answer in time';
      case 'too-large':
        return 'the file is too large';
      case 'refused':
        return 'the file is not a valid commitments feed';
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
  allow: 'Allow',
  subscriptions: 'Subscriptions',
  directory: 'Bundled feeds',
  pause: 'Pause',
  resume: 'Resume',
  paused: 'Paused',
  pausedFeed: 'From a paused feed: not refreshed',
  staleNotice: (date: string) => `Data as of ${date}; the last refresh failed.`,
  remove: 'Remove',
  refreshNow: 'Refresh now',
  lastChecked: (date: string) => `Checked ${date}`,
  failure: (date: string, message: string) =>
    `Refresh failed ${date}: ${message}. The last good copy stays in use.`,
  notAllowed: 'Not allowed on its pages yet',
  hiddenSites: 'Sites where the panel is hidden',
  showAgain: 'Show again',
  none: 'None.',
  optionsTitle: 'Open Commitments: feeds',
  dashboardTitle: 'My commitments',
  followedTitle: 'Followed commitments',
  followedNone: 'You follow no commitment yet. Use the toolbar button on a page about one.',
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
  delete: 'Delete',
  privacy: 'Everything here is stored in this browser only.',
  changeStatus: (from: string, to: string) => `Status: ${from} → ${to}`,
  changeProgress: (from: string, to: string) => `Progress: ${from} → ${to}`,
  changeDue: (from: string, to: string) => `Due date: ${from} → ${to}`,
  changeUpdate: (date: string) => `New update (${date})`,
  changeAnswer: (date: string) => `Answer published (${date})`,
  changeInterpellation: 'New question published',
  changeText: 'Text edited',
  // A progress or due date that a version of the feed did not give (French words agree with each).
  noProgress: 'not reported',
  noDue: 'none',
  fictional: 'example',
};

/** The shape of a message table. */
export type Messages = typeof en;

const fr: Messages = {
  overlayTitle: 'Engagements sur cette page',
  overlayMove: 'Déplacer le panneau (flèches du clavier)',
  overlayClose: 'Fermer',
  overlayHideSite: 'Jamais sur ce site',
  overlayCorner: 'Déplacer le panneau dans un autre coin',
  overlayHidden: 'Masqué sur ce site.',
  undo: 'Annuler',
  overlayPlan: (n) =>
    plural('fr', n, { one: '{n} engagement dans ce plan', other: '{n} engagements dans ce plan' }),
  overlayLate: (n) => plural('fr', n, { one: '{n} en retard', other: '{n} en retard' }),
  progress: 'Avancement',
  due: (date) => `Échéance\u00a0: ${date}`,
  late: 'En retard',
  lastUpdate: (date) => `Dernière mise à jour le ${date}`,
  interpellate: 'Interpeller',
  interpellateTitle: 'Interpeller officiellement l’organisme responsable',
  noChannel: 'Cet organisme ne propose pas de moyen de l’interpeller.',
  goesTo: (target) => `Destinataire\u00a0: ${target}`,
  responseDays: (n) =>
    plural('fr', n, {
      one: 'Réponse promise sous {n} jour',
      other: 'Réponse promise sous {n} jours',
    }),
  threshold: (n) =>
    plural('fr', n, {
      one: '{n} soutien nécessaire pour une réponse officielle',
      other: '{n} soutiens nécessaires pour une réponse officielle',
    }),
  rules: 'Règles de l’interpellation',
  continueToForm: 'Ouvrir le formulaire officiel',
  continueToEmail: 'Écrire le courriel',
  remember: 'Garder cette question sur cet appareil',
  remembered: 'Gardée sur cet appareil. Rien ne quitte votre navigateur.',
  rememberFailed: 'Cette question n’a pas pu être gardée. Réessayez.',
  popupNothing: 'Aucun flux suivi ne cite cette page.',
  popupDashboard: 'Mes engagements',
  popupOptions: 'Flux',
  follow: 'Suivre',
  unfollow: 'Ne plus suivre',
  followed: 'Suivi',
  offerTitle: 'Ce site publie un flux d’engagements',
  colon: '\u00a0: ',
  offerSubscribe: 'S’abonner',
  offerDone: 'Abonnement enregistré',
  feedUrl: 'Adresse du flux',
  subscribe: 'S’abonner',
  subscribing: 'Vérification du flux…',
  subscribed: (name) => `Abonnement à ${name} enregistré.`,
  refused: 'Ce flux n’a pas été ajouté\u00a0:',
  failureReason: (reason, status) => {
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
        return 'le fichier n’est pas un flux d’engagements valide';
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
  allow: 'Autoriser',
  subscriptions: 'Abonnements',
  directory: 'Flux fournis',
  pause: 'Suspendre',
  resume: 'Reprendre',
  paused: 'Suspendu',
  pausedFeed: 'Flux suspendu\u00a0: plus actualisé',
  staleNotice: (date) => `Données du ${date}\u00a0; la dernière actualisation a échoué.`,
  remove: 'Retirer',
  refreshNow: 'Actualiser',
  lastChecked: (date) => `Vérifié le ${date}`,
  failure: (date, message) =>
    `Échec de l’actualisation le ${date}\u00a0: ${message}. La dernière copie valide reste utilisée.`,
  notAllowed: 'Pas encore autorisé sur ses pages',
  hiddenSites: 'Sites où le panneau est masqué',
  showAgain: 'Réafficher',
  none: 'Aucun.',
  optionsTitle: 'Engagements ouverts\u00a0: flux',
  dashboardTitle: 'Mes engagements',
  followedTitle: 'Engagements suivis',
  followedNone:
    'Vous ne suivez encore aucun engagement. Utilisez le bouton de la barre d’outils sur une page qui en parle.',
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
  delete: 'Supprimer',
  privacy: 'Tout ceci est gardé dans ce navigateur uniquement.',
  changeStatus: (from, to) => `État\u00a0: ${from} → ${to}`,
  changeProgress: (from, to) => `Avancement\u00a0: ${from} → ${to}`,
  changeDue: (from, to) => `Échéance\u00a0: ${from} → ${to}`,
  changeUpdate: (date) => `Nouvelle mise à jour (${date})`,
  changeAnswer: (date) => `Réponse publiée (${date})`,
  changeInterpellation: 'Nouvelle question publiée',
  changeText: 'Texte modifié',
  noProgress: 'non communiqué',
  noDue: 'aucune',
  fictional: 'exemple',
};

/** Both tables, for the test that every text exists in every language. */
export const messages: Record<Lang, Messages> = { en, fr };

/** The browser's interface language, reduced to one the extension speaks. */
export function uiLang(): Lang {
  let requested: string | undefined;
  try {
    requested = browser.i18n.getUILanguage();
  } catch {
    requested = globalThis.navigator?.language;
  }
  return pickLang(requested);
}

/** The table for `lang`. */
export function t(lang: Lang): Messages {
  return messages[lang];
}
