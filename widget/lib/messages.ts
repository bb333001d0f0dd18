/**
 * The words both components use (states, the interpellation action, the badge), in French and
 * English. Category labels, interpellation statuses and publisher kinds come from the shared core
 * tables, so that the widget and the extension agree. The dashboard adds its own table.
 */
import { defineMessages } from '../../shared/i18n/define-messages.ts';

/** The shape of the shared widget messages (French sets it; English must match). */
export type CommonMessages = {
  /** Between a label and its value: a no-break space before the colon in French. */
  readonly colon: string;
  /** The badge's words while its feed loads, and when it cannot be shown: short, in a line of text. */
  readonly badgeLoading: string;
  readonly badgeError: string;
  /** Atop the badge's details when the copy shown is the last good one: the refresh failed. */
  readonly badgeStale: (date: string) => string;
  /** On the badge's line when the copy shown is the last good one. */
  readonly badgeStaleMark: string;
  /** In the badge's details, before the one update they show: the latest, not the whole timeline. */
  readonly badgeLatest: string;
  /** Why a feed cannot be shown, for citizens: the parser's words stay in `oc-error`. */
  readonly failure: {
    readonly unreachable: string;
    readonly http: (status: string) => string;
    readonly notFound: string;
    readonly timeout: string;
    readonly tooLarge: string;
    readonly refused: string;
    readonly notJson: string;
    readonly newerVersion: string;
  };
  readonly commitmentMissing: (id: string) => string;
  /** For the site's web team: the element has no feed address. */
  readonly noSource: string;
  readonly noProgress: string;
  readonly questions: string;
  readonly statsOverdue: string;
  readonly commitmentStats: (
    asked: string,
    answered: string,
    askedCount: number,
    answeredCount: number,
  ) => string;
  readonly ask: string;
  readonly askTitle: string;
  readonly askLeaving: string;
  readonly askEmailTo: string;
  readonly askResponse: (days: string, count: number) => string;
  readonly askNoDelay: string;
  readonly askThreshold: (n: string, count: number) => string;
  readonly askRules: string;
  readonly askContinue: (target: string) => string;
  readonly askWrite: (target: string) => string;
  readonly cancel: string;
  readonly noChannel: string;
  readonly newWindow: string;
  readonly badgeDetails: (title: string) => string;
  /** Words before the publisher's name (a text of the feed, set apart with its own language). */
  readonly by: string;
};

/** The messages of the badge, and those the dashboard shares with it. */
export const commonMessages = defineMessages<CommonMessages>({
  fr: {
    colon: '\u00a0: ',
    badgeLoading: 'Chargement…',
    badgeError: 'Engagement indisponible',
    badgeStale: (date) => `Données du ${date}\u00a0; la dernière actualisation a échoué.`,
    badgeStaleMark: 'Non actualisé',
    badgeLatest: 'Dernier point',
    failure: {
      unreachable:
        'Le flux de données est injoignable (réseau coupé, adresse erronée ou serveur qui n’en permet pas la lecture aux autres sites).',
      http: (status) => `Le serveur du flux a répondu par une erreur (HTTP ${status}).`,
      notFound: 'Aucun flux ne se trouve à cette adresse (erreur 404).',
      timeout: 'Le serveur du flux n’a pas répondu à temps.',
      tooLarge: 'Le flux dépasse la taille autorisée.',
      refused: 'Le flux a été refusé car il n’est pas au format Open Commitments.',
      notJson: 'Le flux a été refusé car il est illisible (son JSON est incomplet ou mal formé).',
      newerVersion:
        'Ce flux n’est pas au format Open Commitments que ce tableau de bord sait lire\u00a0: il est écrit dans une version plus récente du format.',
    },
    commitmentMissing: (id) =>
      id
        ? `L’engagement «\u00a0${id}\u00a0» ne figure pas dans ce plan.`
        : 'Aucun engagement indiqué\u00a0: renseignez l’attribut commitment.',
    noSource: 'Aucune adresse de flux indiquée\u00a0: renseignez l’attribut src.',
    noProgress: 'Avancement non communiqué',
    questions: 'Questions des citoyens',
    statsOverdue: 'Réponses en retard',
    commitmentStats: (asked, answered, askedCount, answeredCount) =>
      `${asked} ${askedCount < 2 ? 'question' : 'questions'}, ${answered} ${answeredCount < 2 ? 'réponse' : 'réponses'}`,
    ask: 'Interpeller',
    askTitle: 'Interpeller le responsable de cet engagement',
    askLeaving: 'Vous allez quitter cette page pour\u00a0:',
    askEmailTo: 'Votre messagerie va ouvrir un message à\u00a0:',
    askResponse: (days, count) => `Réponse promise sous ${days} ${count < 2 ? 'jour' : 'jours'}.`,
    askNoDelay: 'Aucun délai de réponse n’est annoncé.',
    askThreshold: (n, count) =>
      `Il faut ${n} ${count < 2 ? 'soutien' : 'soutiens'} pour obtenir une réponse officielle ou un débat.`,
    askRules: 'Règles de l’interpellation',
    askContinue: (target) => `Continuer vers ${target}`,
    askWrite: (target) => `Écrire à ${target}`,
    cancel: 'Annuler',
    noChannel: 'Cet organisme ne propose pas de moyen de l’interpeller sur ses engagements.',
    newWindow: '(nouvelle fenêtre)',
    badgeDetails: (title) => `Détails de l’engagement «\u00a0${title}\u00a0»`,
    by: 'Engagement porté par',
  },
  en: {
    colon: ': ',
    badgeLoading: 'Loading…',
    badgeError: 'Commitment unavailable',
    badgeStale: (date) => `As of ${date}; the latest refresh failed.`,
    badgeStaleMark: 'Not refreshed',
    badgeLatest: 'Latest update',
    failure: {
      unreachable:
        'The data feed could not be reached (network down, wrong address, or a server that does not let other sites read it).',
      http: (status) => `The feed’s server answered with an error (HTTP ${status}).`,
      notFound: 'There is no feed at this address (error 404).',
      timeout: 'The feed’s server did not answer in time.',
      tooLarge: 'The feed is larger than allowed.',
      refused: 'The feed was refused because it is not in the Open Commitments format.',
      notJson:
        'The feed was refused because it cannot be read (its JSON is incomplete or malformed).',
      newerVersion:
        'This feed is written in a newer version of the format, which this dashboard cannot read.',
    },
    commitmentMissing: (id) =>
      id
        ? `Commitment “${id}” is not in this plan.`
        : 'No commitment named: set its commitment attribute.',
    noSource: 'No feed address given: set its src attribute.',
    noProgress: 'Progress not reported',
    questions: 'Citizens’ questions',
    statsOverdue: 'Overdue answers',
    commitmentStats: (asked, answered, askedCount) =>
      `${asked} ${askedCount === 1 ? 'question' : 'questions'}, ${answered} answered`,
    ask: 'Question this',
    askTitle: 'Formally question whoever is responsible for this commitment',
    askLeaving: 'You are about to leave this page for:',
    askEmailTo: 'Your e-mail program will open a message to:',
    askResponse: (days, count) =>
      `An answer is promised within ${days} ${count === 1 ? 'day' : 'days'}.`,
    askNoDelay: 'No response time is promised.',
    askThreshold: (n, count) =>
      `${n} ${count === 1 ? 'supporter is' : 'supporters are'} needed for a formal answer or a debate.`,
    askRules: 'Rules of the process',
    askContinue: (target) => `Continue to ${target}`,
    askWrite: (target) => `Write to ${target}`,
    cancel: 'Cancel',
    noChannel: 'This publisher offers no way to question it about its commitments.',
    newWindow: '(new window)',
    badgeDetails: (title) => `Details of commitment “${title}”`,
    by: 'Commitment by',
  },
});
