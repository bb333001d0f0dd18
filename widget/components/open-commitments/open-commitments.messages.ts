/**
 * The dashboard's own words, in French and English, on top of the shared widget messages.
 */
import { defineMessages } from '../../../shared/i18n/define-messages.ts';
import type { CommonMessages } from '../../lib/messages.ts';

/** The shape of the dashboard's messages (French sets it; English must match). */
export type DashboardMessages = {
  readonly loading: string;
  readonly errorTitle: string;
  readonly feedAddress: string;
  readonly staleTitle: string;
  readonly stale: (date: string) => string;
  readonly emptyFeed: string;
  readonly noMatch: string;
  /** Why "late only" finds nothing in a plan that gives no commitment a due date. */
  readonly noDue: string;
  readonly clearFilters: string;
  /** The name of a reference (`refs`): the well-known keys in words, others as a reference by key. */
  readonly refLabel: (key: string) => string;
  readonly linkHidden: string;
  readonly showLinked: string;
  readonly period: (start: string, end: string) => string;
  /** The link to the feed itself, for those who reuse the data. */
  readonly data: string;
  readonly overall: string;
  readonly unknownProgress: string;
  /**
   * Under the overall progress when some commitments give none: how many it is the mean of;
   * `count` of them, `left` without.
   */
  readonly progressOf: (known: string, total: string, count: number, left: number) => string;
  /** Said before a commitment's status label, which screen readers would otherwise read bare. */
  readonly status: string;
  readonly byStatus: string;
  /** Names the status chips, which both count and filter the commitments. */
  readonly filterByStatus: string;
  readonly filters: string;
  readonly search: string;
  readonly searchHint: string;
  readonly theme: string;
  readonly any: string;
  readonly lateOnly: string;
  readonly openQuestions: string;
  readonly sort: string;
  readonly sortBy: {
    readonly plan: string;
    readonly due: string;
    readonly progress: string;
    readonly status: string;
    readonly title: string;
  };
  /** `shown` of `total` commitments shown (`count` and `totalCount`: the same, as numbers). */
  readonly shown: (shown: string, total: string, count: number, totalCount: number) => string;
  /**
   * `matched` of `total` commitments match the filters, of which the first `shown` are drawn: a
   * filtered list longer than a page (always more than one commitment).
   */
  readonly matching: (matched: string, total: string, shown: string) => string;
  readonly showMore: (n: string) => string;
  readonly description: string;
  readonly milestoneDone: (date: string) => string;
  readonly milestoneLate: (date: string) => string;
  readonly milestoneUpcoming: (date: string) => string;
  readonly milestoneUndated: string;
  readonly evidence: (n: number) => string;
  /** After an evidence link's visible name, for screen readers' lists of links: its update's date. */
  readonly evidenceOf: (date: string) => string;
  /** Heads the commitment's own page, the official pages about it and its references. */
  readonly pages: string;
  readonly ownPage: string;
  readonly asked: (date: string) => string;
  readonly supporters: (n: string, count: number) => string;
  /** `count` of `thresholdCount` supporters needed for an answer, or the threshold reached. */
  readonly supportersOf: (
    n: string,
    threshold: string,
    count: number,
    thresholdCount: number,
  ) => string;
  readonly answeredOn: (date: string) => string;
  /** Words before who answered (a text of the feed, set apart with its own language). */
  readonly answeredBy: string;
  readonly readAnswer: string;
  readonly overdueBy: (days: string, count: number) => string;
  readonly statsAsked: string;
  readonly statsAnswered: string;
  readonly statsRate: string;
  readonly statsMedian: string;
  /** Said instead of a figure that cannot be computed yet (no question, no answer). */
  readonly noFigure: string;
  readonly days: (n: string, count: number) => string;
};

/** Every message the dashboard shows. */
export type WidgetMessages = CommonMessages & DashboardMessages;

/** The dashboard's messages. */
export const dashboardMessages = defineMessages<DashboardMessages>({
  fr: {
    loading: 'Chargement des engagements…',
    errorTitle: 'Les engagements n’ont pas pu être affichés',
    feedAddress: 'Adresse du flux\u00a0:',
    staleTitle: 'Données peut-être anciennes',
    stale: (date) =>
      `La dernière version du flux n’a pas pu être récupérée. La copie affichée a été vérifiée pour la dernière fois le ${date}.`,
    emptyFeed: 'Ce plan ne contient encore aucun engagement.',
    noMatch: 'Aucun engagement ne correspond à ces filtres.',
    noDue: 'Aucun engagement de ce plan n’a d’échéance\u00a0: aucun ne peut être en retard.',
    clearFilters: 'Effacer les filtres',
    refLabel: (key) =>
      key === 'ogp'
        ? 'Référence PGO'
        : key === 'decidim'
          ? 'Sur Decidim'
          : `Référence «\u00a0${key}\u00a0»`,
    linkHidden: 'Les filtres masquent l’engagement visé par le lien',
    showLinked: 'Effacer les filtres et l’afficher',
    period: (start, end) => `Du ${start} au ${end}`,
    data: 'Données ouvertes (JSON)',
    overall: 'Avancement global',
    unknownProgress: 'non communiqué',
    progressOf: (known, total, count, left) =>
      `Moyenne de ${known} ${count < 2 ? 'engagement' : 'engagements'} sur ${total}\u00a0; ${left < 2 ? 'l’autre ne donne' : 'les autres ne donnent'} pas d’avancement.`,
    status: 'État',
    byStatus: 'Engagements par état',
    filterByStatus: 'Filtrer par état',
    filters: 'Filtrer les engagements',
    search: 'Rechercher',
    searchHint: 'Titre, résumé, pilote…',
    theme: 'Thème',
    any: 'Tous',
    lateOnly: 'En retard seulement',
    openQuestions: 'Questions en attente',
    sort: 'Trier par',
    sortBy: {
      plan: 'ordre du plan',
      due: 'échéance',
      progress: 'avancement',
      status: 'état',
      title: 'titre',
    },
    shown: (shown, total, count) =>
      `${shown} ${count < 2 ? 'engagement affiché' : 'engagements affichés'} sur ${total}`,
    matching: (matched, total, shown) =>
      `${matched} engagements correspondent sur ${total}, ${shown} affichés`,
    showMore: (n) => `Afficher ${n} de plus`,
    description: 'Description',
    // Words that agree with any milestone, whatever its gender.
    milestoneDone: (date) => `réalisation\u00a0: ${date}`,
    milestoneLate: (date) => `en retard, échéance\u00a0: ${date}`,
    milestoneUpcoming: (date) => `échéance\u00a0: ${date}`,
    milestoneUndated: 'sans date',
    evidence: (n) => (n < 2 ? 'Justificatif' : `Justificatif ${n}`),
    evidenceOf: (date) => ` du ${date}`,
    pages: 'Pages et références',
    ownPage: 'Page de l’engagement',
    asked: (date) => `Posée le ${date}`,
    supporters: (n, count) => `${n} ${count < 2 ? 'soutien' : 'soutiens'}`,
    supportersOf: (n, threshold, count, thresholdCount) =>
      count >= thresholdCount
        ? `${n} ${count < 2 ? 'soutien' : 'soutiens'}, seuil de ${threshold} atteint`
        : `${n} ${count < 2 ? 'soutien' : 'soutiens'} sur ${threshold} requis`,
    answeredOn: (date) => `Réponse du ${date}`,
    answeredBy: 'par',
    readAnswer: 'Lire la réponse complète',
    overdueBy: (days, count) => `Réponse en retard de ${days} ${count < 2 ? 'jour' : 'jours'}`,
    statsAsked: 'Questions posées',
    statsAnswered: 'Réponses',
    statsRate: 'Taux de réponse',
    statsMedian: 'Délai médian',
    noFigure: 'pas encore de chiffre',
    days: (n, count) => `${n} ${count < 2 ? 'jour' : 'jours'}`,
  },
  en: {
    loading: 'Loading commitments…',
    errorTitle: 'The commitments could not be shown',
    feedAddress: 'Feed address:',
    staleTitle: 'Information may be out of date',
    stale: (date) =>
      `The latest version of the feed could not be fetched. The copy shown was last checked on ${date}.`,
    emptyFeed: 'This plan has no commitments yet.',
    noMatch: 'No commitment matches these filters.',
    noDue: 'No commitment of this plan has a due date, so none can be late.',
    clearFilters: 'Clear filters',
    refLabel: (key) =>
      key === 'ogp' ? 'OGP reference' : key === 'decidim' ? 'On Decidim' : `Reference “${key}”`,
    linkHidden: 'The filters hide the commitment named by the link you followed',
    showLinked: 'Clear the filters and show it',
    period: (start, end) => `From ${start} to ${end}`,
    data: 'Open data (JSON)',
    overall: 'Overall progress',
    unknownProgress: 'not reported',
    progressOf: (known, total, count, left) =>
      `Mean of ${known} ${count === 1 ? 'commitment' : 'commitments'} out of ${total}; ${left === 1 ? 'the other reports' : 'the others report'} no progress.`,
    status: 'Status',
    byStatus: 'Commitments by status',
    filterByStatus: 'Filter by status',
    filters: 'Filter commitments',
    search: 'Search',
    searchHint: 'Title, summary, lead…',
    theme: 'Theme',
    any: 'All',
    lateOnly: 'Late only',
    openQuestions: 'Open questions',
    sort: 'Sort by',
    sortBy: {
      plan: 'plan order',
      due: 'due date',
      progress: 'progress',
      status: 'status',
      title: 'title',
    },
    shown: (shown, total, _count, totalCount) =>
      `${shown} of ${total} ${totalCount === 1 ? 'commitment' : 'commitments'} shown`,
    matching: (matched, total, shown) => `${matched} of ${total} commitments match, ${shown} shown`,
    showMore: (n) => `Show ${n} more`,
    description: 'Description',
    milestoneDone: (date) => `done on ${date}`,
    milestoneLate: (date) => `late, due ${date}`,
    milestoneUpcoming: (date) => `due ${date}`,
    milestoneUndated: 'no date',
    evidence: (n) => (n < 2 ? 'Evidence' : `Evidence ${n}`),
    evidenceOf: (date) => ` from ${date}`,
    pages: 'Pages and references',
    ownPage: 'Commitment page',
    asked: (date) => `Asked on ${date}`,
    supporters: (n, count) => `${n} ${count === 1 ? 'supporter' : 'supporters'}`,
    supportersOf: (n, threshold, count, thresholdCount) =>
      count >= thresholdCount
        ? `${n} ${count === 1 ? 'supporter' : 'supporters'}, threshold of ${threshold} reached`
        : `${n} of the ${threshold} supporters needed`,
    answeredOn: (date) => `Answered on ${date}`,
    answeredBy: 'by',
    readAnswer: 'Read the full answer',
    overdueBy: (days, count) => `Answer ${days} ${count === 1 ? 'day' : 'days'} overdue`,
    statsAsked: 'Questions asked',
    statsAnswered: 'Answered',
    statsRate: 'Answer rate',
    statsMedian: 'Median time to answer',
    noFigure: 'no figure yet',
    days: (n, count) => `${n} ${count === 1 ? 'day' : 'days'}`,
  },
});
