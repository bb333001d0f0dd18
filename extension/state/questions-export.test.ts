import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../messaging/protocol.ts';
import { questionsToCsv, questionsToJson } from './questions-export.ts';

const question: QuestionView = {
  id: 7,
  feedId: 'https://www.exemple.fr/feed.json',
  commitmentId: 'E1',
  title: 'Publier les marchés, "tous"',
  askedOn: '2026-11-02',
  channel: { kind: 'url', target: 'www.exemple.fr' },
  dueOn: '2026-12-02',
};

describe('exporting my questions', () => {
  it('writes RFC 4180 CSV with a header and quoted cells, marked as UTF-8 for spreadsheets', () => {
    expect(questionsToCsv([question], 'en')).toBe(
      '\uFEFFfeed,commitment,title,asked_on,channel,channel_target,answer_due,answered_on\r\n' +
        'https://www.exemple.fr/feed.json,E1,"Publier les marchés, ""tous""",2026-11-02,url,www.exemple.fr,2026-12-02,\r\n',
    );
  });

  it('writes French headers and semicolons in French, as a French spreadsheet reads them', () => {
    expect(questionsToCsv([{ ...question, title: 'Budget; vote' }], 'fr')).toBe(
      '\uFEFFflux;engagement;titre;posée_le;canal;destinataire;réponse_attendue_le;répondue_le\r\n' +
        'https://www.exemple.fr/feed.json;E1;"Budget; vote";2026-11-02;url;www.exemple.fr;2026-12-02;\r\n',
    );
  });

  it('never lets a spreadsheet read a title as a formula', () => {
    const csv = questionsToCsv([{ ...question, title: '=HYPERLINK("http://evil")' }], 'en');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('writes JSON without the local row id, nor what is found again in the feed to show it', () => {
    const place = { publisher: { text: 'Ville' }, url: 'https://www.exemple.fr/E1' };
    const [entry] = JSON.parse(questionsToJson([{ ...question, place }])) as Record<
      string,
      unknown
    >[];
    expect(entry).not.toHaveProperty('id');
    expect(entry).not.toHaveProperty('place');
    expect(entry).toMatchObject({ commitmentId: 'E1', dueOn: '2026-12-02' });
  });
});
