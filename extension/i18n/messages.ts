/**
 * The texts the content script shows (the overlay, the inline badges and what they share with the
 * extension's pages), in French and English. The French table is typed by the English one, so a
 * key missing in either language is a type error; category labels, dates and numbers come from
 * the core (`shared/i18n`). The content script runs on every page a followed feed names, so the
 * texts only the extension's pages show live apart, in `page-messages.ts`.
 */
import { browser } from 'wxt/browser';
import type { Lang } from '../../shared/index.ts';
import { pickLang } from '../../shared/i18n/lang.ts';
import { formatNumber, plural } from '../../shared/i18n/format.ts';

const en = {
  overlayTitle: 'Commitments on this page',
  overlayMove: 'Move the panel (arrow keys)',
  overlayClose: 'Close',
  overlayHideSite: 'Never on this site',
  overlayCorner: 'Move the panel to another corner',
  overlayHidden: 'Panel and badges hidden on this site.',
  /** After the heading: how many rows are shown, of how many. */
  overlayCount: (shown: number, total: number) =>
    `(${shown < total ? `${formatNumber(shown, 'en')} of ` : ''}${formatNumber(total, 'en')})`,
  overlayFilter: 'Filter by words',
  overlayNoMatch: 'No commitment here has all these words.',
  undo: 'Undo',
  overlayPlan: (n: number) => plural('en', n, { one: '{n} commitment', other: '{n} commitments' }),
  overlayLate: (n: number) => plural('en', n, { one: '{n} late', other: '{n} late' }),
  /** Before the plans a site page names none of (overlay and popup): their counts are not this page's. */
  sitePlans: 'Plans of this site with no commitment on this page:',
  /** Heard before a row's status label. */
  status: 'Status',
  progress: 'Progress',
  due: (date: string) => `Due ${date}`,
  late: 'Late',
  lastUpdate: (date: string) => `Last updated ${date}`,
  interpellate: 'Question this',
  interpellateTitle: 'Formally question the body in charge',
  noChannel: 'This publisher offers no way to question it formally.',
  /** Where an e-mail channel's message goes: its address. */
  goesTo: (target: string) => `Goes to ${target}`,
  /** Where a web form channel is: its site's host, which is not the one who receives it. */
  opensOn: (host: string) => `Opens on ${host}`,
  /** Before the address of the page read, which the form's address will carry. */
  formGetsPage: 'The form will receive the address of this page:',
  /** Before the address of the page read, which the e-mail will carry. */
  mailGetsPage: 'The message will contain the address of this page:',
  responseDays: (n: number) =>
    plural('en', n, {
      one: 'Answer promised within {n} day',
      other: 'Answer promised within {n} days',
    }),
  threshold: (n: number) =>
    plural('en', n, {
      one: '{n} supporter needed for a formal answer or a debate',
      other: '{n} supporters needed for a formal answer or a debate',
    }),
  rules: 'Rules of the process',
  continueToForm: 'Open the official form',
  continueToEmail: 'Write the email',
  remember: 'Remember this question on this device',
  remembered: 'Kept on this device. Nothing leaves your browser.',
  rememberFailed: 'This question could not be kept. Try again.',
  follow: 'Follow',
  unfollow: 'Unfollow',
  followed: 'Followed',
  /** Between a label and its value: a no-break space before the colon in French. */
  colon: ': ',
  pausedFeed: 'From a paused feed: not refreshed',
  staleNotice: (date: string) => `Data as of ${date}; the last refresh failed.`,
};

/** The shape of a message table. */
export type Messages = typeof en;

const fr: Messages = {
  overlayTitle: 'Engagements sur cette page',
  overlayMove: 'Déplacer le panneau (flèches du clavier)',
  overlayClose: 'Fermer',
  overlayHideSite: 'Jamais sur ce site',
  overlayCorner: 'Déplacer le panneau dans un autre coin',
  overlayHidden: 'Panneau et pastilles masqués sur ce site.',
  overlayCount: (shown, total) =>
    `(${shown < total ? `${formatNumber(shown, 'fr')} sur ` : ''}${formatNumber(total, 'fr')})`,
  overlayFilter: 'Filtrer par mots',
  overlayNoMatch: 'Aucun engagement ici ne contient tous ces mots.',
  undo: 'Annuler',
  overlayPlan: (n) => plural('fr', n, { one: '{n} engagement', other: '{n} engagements' }),
  overlayLate: (n) => plural('fr', n, { one: '{n} en retard', other: '{n} en retard' }),
  sitePlans: 'Plans de ce site sans engagement sur cette page\u00a0:',
  status: 'État',
  progress: 'Avancement',
  due: (date) => `Échéance\u00a0: ${date}`,
  late: 'En retard',
  lastUpdate: (date) => `Dernière mise à jour le ${date}`,
  interpellate: 'Interpeller',
  interpellateTitle: 'Interpeller officiellement l’organisme responsable',
  noChannel: 'Cet organisme ne propose pas de moyen de l’interpeller.',
  goesTo: (target) => `Destinataire\u00a0: ${target}`,
  opensOn: (host) => `Formulaire sur ${host}`,
  formGetsPage: 'Le formulaire recevra l’adresse de cette page\u00a0:',
  mailGetsPage: 'Le message contiendra l’adresse de cette page\u00a0:',
  responseDays: (n) =>
    plural('fr', n, {
      one: 'Réponse promise sous {n} jour',
      other: 'Réponse promise sous {n} jours',
    }),
  threshold: (n) =>
    plural('fr', n, {
      one: '{n} soutien nécessaire pour obtenir une réponse officielle ou un débat',
      other: '{n} soutiens nécessaires pour obtenir une réponse officielle ou un débat',
    }),
  rules: 'Règles de l’interpellation',
  continueToForm: 'Ouvrir le formulaire officiel',
  continueToEmail: 'Écrire le courriel',
  remember: 'Garder cette question sur cet appareil',
  remembered: 'Gardée sur cet appareil. Rien ne quitte votre navigateur.',
  rememberFailed: 'Cette question n’a pas pu être gardée. Réessayez.',
  follow: 'Suivre',
  unfollow: 'Ne plus suivre',
  followed: 'Suivi',
  colon: '\u00a0: ',
  pausedFeed: 'Flux suspendu\u00a0: plus actualisé',
  staleNotice: (date) => `Données du ${date}\u00a0; la dernière actualisation a échoué.`,
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

/** The table for `lang`, as the content script uses it. */
export function t(lang: Lang): Messages {
  return messages[lang];
}
