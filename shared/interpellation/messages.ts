import { defineMessages } from '../i18n/define-messages.ts';

/** The words of a prefilled interpellation e-mail, in each interface language. */
export const mailMessages = defineMessages({
  fr: {
    subject: (ref: string, title: string) => `Interpellation – engagement ${ref}\u00a0: ${title}`,
    greeting: 'Madame, Monsieur,',
    intro: (ref: string, title: string) =>
      `J’exerce mon droit d’interpellation au sujet de l’engagement ${ref} «\u00a0${title}\u00a0».`,
    page: (page: string) => `Page consultée\u00a0: ${page}`,
    question: 'Ma question\u00a0:',
  },
  en: {
    subject: (ref: string, title: string) => `Question on commitment ${ref}: ${title}`,
    greeting: 'Dear Sir or Madam,',
    intro: (ref: string, title: string) =>
      `I am using my right to question you about commitment ${ref}, "${title}".`,
    page: (page: string) => `Page I was reading: ${page}`,
    question: 'My question:',
  },
});
