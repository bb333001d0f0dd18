import { defineMessages } from '../i18n/define-messages.ts';

/** The words of a prefilled interpellation e-mail, in each interface language. */
export const mailMessages = defineMessages({
  fr: {
    subject: (ref: string, title: string) => `Interpellation – engagement ${ref} : ${title}`,
    greeting: 'Madame, Monsieur,',
    intro: (ref: string, title: string) =>
      `J'exerce mon droit d'interpellation au sujet de l'engagement ${ref} « ${title} ».`,
    page: (page: string) => `Page consultée : ${page}`,
    question: 'Ma question :',
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
