import type { Category, InterpellationStatus, PublisherKind } from '../feed/types.ts';
import { defineMessages } from './define-messages.ts';

/** The shape of the messages every front end shares. */
export type CoreMessages = {
  readonly category: Readonly<Record<Category, string>>;
  readonly interpellationStatus: Readonly<Record<InterpellationStatus, string>>;
  readonly publisherKind: Readonly<Record<PublisherKind, string>>;
  readonly late: string;
  readonly overdue: string;
  readonly progress: string;
  readonly due: string;
  readonly start: string;
  readonly lead: string;
  readonly milestones: string;
  readonly updates: string;
  readonly interpellations: string;
  readonly evidence: string;
  readonly answer: string;
  readonly ask: string;
  readonly commitments: string;
  readonly updated: (date: string) => string;
  readonly dueOn: (date: string) => string;
  readonly doneOn: (date: string) => string;
  readonly daysOverdue: (days: string, count: number) => string;
  readonly responseWithin: (days: string, count: number) => string;
};

/** The category labels, interpellation statuses, publisher kinds and common words, in fr and en. */
export const coreMessages = defineMessages<CoreMessages>({
  fr: {
    category: {
      'not-started': 'Pas commencé',
      limited: 'Limité',
      substantial: 'Substantiel',
      complete: 'Terminé',
      withdrawn: 'Abandonné',
      unknown: 'Inconnu',
    },
    interpellationStatus: {
      open: 'En attente de réponse',
      answered: 'Réponse publiée',
      declined: 'Refusée',
      inadmissible: 'Irrecevable',
    },
    publisherKind: {
      state: 'État',
      region: 'Région',
      department: 'Département',
      municipality: 'Commune',
      intercommunality: 'Intercommunalité',
      university: 'Université',
      agency: 'Établissement public',
      parliament: 'Parlement',
      other: 'Autre',
    },
    late: 'En retard',
    overdue: 'Réponse en retard',
    progress: 'Avancement',
    due: 'Échéance',
    start: 'Début',
    lead: 'Pilote',
    milestones: 'Étapes',
    updates: 'Historique',
    interpellations: 'Interpellations',
    evidence: 'Preuves',
    answer: 'Réponse',
    ask: 'Interpeller',
    commitments: 'Engagements',
    updated: (date) => `Mis à jour le ${date}`,
    dueOn: (date) => `Échéance\u00a0: ${date}`,
    doneOn: (date) => `Fait le ${date}`,
    daysOverdue: (days, count) => `${days} ${count < 2 ? 'jour' : 'jours'} de retard`,
    responseWithin: (days, count) => `Réponse promise sous ${days} ${count < 2 ? 'jour' : 'jours'}`,
  },
  en: {
    category: {
      'not-started': 'Not started',
      limited: 'Limited',
      substantial: 'Substantial',
      complete: 'Complete',
      withdrawn: 'Withdrawn',
      unknown: 'Unknown',
    },
    interpellationStatus: {
      open: 'Awaiting an answer',
      answered: 'Answered',
      declined: 'Declined',
      inadmissible: 'Inadmissible',
    },
    publisherKind: {
      state: 'State',
      region: 'Region',
      department: 'Department',
      municipality: 'Municipality',
      intercommunality: 'Intercommunality',
      university: 'University',
      agency: 'Public agency',
      parliament: 'Parliament',
      other: 'Other',
    },
    late: 'Late',
    overdue: 'Answer overdue',
    progress: 'Progress',
    due: 'Due',
    start: 'Start',
    lead: 'Lead',
    milestones: 'Milestones',
    updates: 'Timeline',
    interpellations: 'Interpellations',
    evidence: 'Evidence',
    answer: 'Answer',
    ask: 'Ask a question',
    commitments: 'Commitments',
    updated: (date) => `Updated ${date}`,
    dueOn: (date) => `Due ${date}`,
    doneOn: (date) => `Done ${date}`,
    daysOverdue: (days, count) => `${days} ${count === 1 ? 'day' : 'days'} overdue`,
    responseWithin: (days, count) =>
      `Answer promised within ${days} ${count === 1 ? 'day' : 'days'}`,
  },
});
