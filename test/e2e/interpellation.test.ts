/**
 * The right to question (droit d'interpellation), end to end in Chromium, against two small feeds
 * in `fixtures/interpellation/`: one whose channel is a form URL template, with a commitment title
 * that tries to inject parameters, and one whose channel is only an e-mail address.
 *
 * Every expected value is written out by hand (links percent-encoded, e-mails decoded, figures
 * counted on the fixture), never computed with the code the pages use. The dashboard and the
 * badge are given `today="2026-12-04"` while the page's clock says another day, so that the
 * figures can only come from the `today` attribute.
 *
 * Hand computation for `form-feed.json` as of 2026-12-04 (responseDays 30):
 * - E1: Q1 asked 2026-01-10, answered 2026-02-01 (22 days); Q2 asked 2026-03-01, answered
 *   2026-04-15 (31 + 14 = 45 days); Q3 open since 2026-10-20, answer due 2026-11-19, 15 days
 *   overdue (11 in November + 4); Q4 open since 2026-11-20, due 2026-12-20, not overdue; Q5
 *   declined.
 * - E2: Q6 open since 2026-06-01, due 2026-07-01, 156 days overdue (31 + 31 + 30 + 31 + 30 + 3);
 *   Q7 inadmissible; Q8 open since 2026-11-10, due 2026-12-10, not overdue.
 * - Plan: 8 asked, 2 answered, answer rate 25 %, median (22 + 45) / 2 = 33.5 days, 2 overdue.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import {
  htmlPage,
  launchExtension,
  waitForRegistration,
  type ExtensionSession,
} from './fixtures/extension/harness.ts';

/** The day the figures are computed for, and a different day for the page's own clock. */
const TODAY = '2026-12-04';
const PAGE_CLOCK = new Date('2027-03-15T10:00:00Z');

const FORM_HOST = 'www.ville-test.example';
const EMAIL = 'interpellation@bourg-test.example';
/** The title of E1 as the publisher wrote it: `&`, `#`, `?`, a template expression, `é`. */
const HOSTILE_TITLE_ENCODED = 'Eau%20%26%20assainissement%20%232%20%3F%20%7Bid%7D%20%C3%A9t%C3%A9';

let server: TestServer;
let session: ExtensionSession;
/** `http://127.0.0.1:PORT`, percent-encoded as a template value. */
let encodedOrigin: string;

/** Text with every run of white space (no-break spaces included) as one space. */
function words(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A mailto link's address, parameter names and decoded values, as a mail client reads them. */
function readMailto(href: string | null): {
  to: string;
  keys: string[];
  subject?: string;
  body?: string;
} {
  const match = /^mailto:([^?]*)\?(.*)$/.exec(href ?? '');
  if (!match) throw new Error(`not a mailto link with parameters: ${href}`);
  const pairs = match[2]!.split('&').map((pair) => {
    const [key = '', value = ''] = pair.split('=');
    return [decodeURIComponent(key), decodeURIComponent(value)] as const;
  });
  return {
    to: decodeURIComponent(match[1]!),
    keys: pairs.map(([key]) => key),
    ...Object.fromEntries(pairs),
  };
}

/** A host page that embeds the dashboard bundle, with its clock set to another day. */
async function openHostPage(path: string, body: string): Promise<Page> {
  server.route(path, {
    body: htmlPage(
      'Page hôte',
      body,
      '<script type="module" src="/dist/open-commitments.js"></script>',
    ).replace('lang="en"', 'lang="fr"'),
  });
  const page = await session.context.newPage();
  await page.clock.setFixedTime(PAGE_CLOCK);
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** Opens the interpellation panel under `scope` and returns it. */
async function openAsk(scope: Locator): Promise<Locator> {
  const ask = scope.locator('[part="ask"]');
  await ask.locator('button[aria-expanded]').first().click();
  const panel = ask.locator('[role="region"]');
  await panel.locator('a.ask-go').waitFor();
  return panel;
}

beforeAll(async () => {
  server = await startServer({
    '/dist': 'dist/widget',
    '/feeds': 'test/e2e/fixtures/interpellation',
  });
  server.route('/favicon.ico', { status: 204 });
  server.route('/interpellation/eau.html', {
    body: htmlPage('Eau et assainissement', '<p>Travaux du réseau d’eau.</p>'),
  });
  server.route('/interpellation/transports.html', {
    body: htmlPage('Transports', '<p>Pistes cyclables.</p>'),
  });
  encodedOrigin = `http%3A%2F%2F127.0.0.1%3A${server.port}`;
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await waitForRegistration(session);
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

describe('the dashboard and the badge, for a form channel', () => {
  let page: Page;
  const dashboard = 'open-commitments';

  beforeAll(async () => {
    page = await openHostPage(
      '/host/form.html',
      `<open-commitments src="/feeds/form-feed.json" today="${TODAY}" no-refresh></open-commitments>` +
        `<p>Badge : <open-commitment-badge src="/feeds/form-feed.json" commitment="E1" today="${TODAY}"></open-commitment-badge></p>`,
    );
    await page.locator(`${dashboard} [data-commitment-id="E1"]`).waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  it('gives the badge popover the same figures and a link carrying this page', async () => {
    const badge = page.locator('open-commitment-badge');
    await badge.locator('[part="toggle"]').click();
    const popover = badge.locator('[part="popover"]');
    await popover.locator('.facts').waitFor();
    const facts = await popover
      .locator('.facts > div')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
        ),
      );
    // The term carries the language's colon (a no-break space before it in French).
    expect(facts).toContainEqual([
      'Questions des citoyens :',
      '5 questions, 2 réponses · Réponses en retard : 1',
    ]);
    const panel = await openAsk(popover);
    expect(await panel.locator('a.ask-go').getAttribute('href')).toBe(
      `https://${FORM_HOST}/interpeller?engagement=E1&titre=${HOSTILE_TITLE_ENCODED}` +
        `&plan=PT-2026&page=${encodedOrigin}%2Fhost%2Fform.html`,
    );
    expect(await panel.locator('.ask-target').textContent()).toBe(FORM_HOST);
    const text = words(await panel.textContent());
    expect(text).toContain('Réponse promise sous 30 jours.');
    expect(text).toContain('Il faut 150 soutiens pour obtenir une réponse officielle ou un débat.');
    await page.keyboard.press('Escape');
  });

  it('shows the plan’s figures counted by hand, median of two answers included', async () => {
    const stat = async (name: string) =>
      words(await page.locator(`${dashboard} [data-stat="${name}"]`).textContent());
    expect(await stat('asked')).toBe('8');
    expect(await stat('answered')).toBe('2');
    expect(await stat('rate')).toBe('25 %');
    expect(await stat('median')).toBe('33,5 jours');
    expect(await stat('overdue')).toBe('2');
  });

  it('shows how many days each open question is overdue, and none for the others', async () => {
    const overdue = async (commitment: string) => {
      const item = page.locator(`${dashboard} [data-commitment-id="${commitment}"]`);
      await item.locator('.toggle').click();
      await item.locator('[data-interpellation-id]').first().waitFor();
      return item
        .locator('[data-interpellation-id]')
        .evaluateAll((questions) =>
          questions.map((q) => [
            q.getAttribute('data-interpellation-id'),
            q.querySelector('[data-overdue-days]')?.textContent?.replace(/\s+/g, ' ').trim() ??
              null,
          ]),
        );
    };
    expect(await overdue('E1')).toEqual([
      ['Q1', null],
      ['Q2', null],
      ['Q3', 'Réponse en retard de 15 jours'],
      ['Q4', null],
      ['Q5', null],
    ]);
    expect(await overdue('E2')).toEqual([
      ['Q6', 'Réponse en retard de 156 jours'],
      ['Q7', null],
      ['Q8', null],
    ]);
  });

  it('links to the form with the title kept in its parameter and says where it goes', async () => {
    const item = page.locator(`${dashboard} [data-commitment-id="E1"]`);
    const panel = await openAsk(item);
    const link = panel.locator('a.ask-go');
    expect(await link.getAttribute('href')).toBe(
      `https://${FORM_HOST}/interpeller?engagement=E1&titre=${HOSTILE_TITLE_ENCODED}` +
        `&plan=PT-2026&page=${encodedOrigin}%2Fhost%2Fform.html`,
    );
    expect(await panel.locator('.ask-target').textContent()).toBe(FORM_HOST);
    expect(words(await link.textContent())).toBe(`Continuer vers ${FORM_HOST} (nouvelle fenêtre)`);
    const text = words(await panel.textContent());
    expect(text).toContain(`Vous allez quitter cette page pour : ${FORM_HOST}`);
    expect(text).toContain('Réponse promise sous 30 jours.');
    expect(text).toContain('Il faut 150 soutiens pour obtenir une réponse officielle ou un débat.');
    expect(await panel.locator('a', { hasText: 'Règles' }).getAttribute('href')).toBe(
      'https://www.ville-test.example/regles-interpellation',
    );
  });

  it('gives a badge opened after the dashboard opened E2 this page, without the fragment', async () => {
    expect(await page.evaluate(() => location.hash)).toBe('#commitment=E2');
    const badge = page.locator('open-commitment-badge');
    await badge.locator('[part="toggle"]').click();
    const panel = await openAsk(badge.locator('[part="popover"]'));
    expect(await panel.locator('a.ask-go').getAttribute('href')).toBe(
      `https://${FORM_HOST}/interpeller?engagement=E1&titre=${HOSTILE_TITLE_ENCODED}` +
        `&plan=PT-2026&page=${encodedOrigin}%2Fhost%2Fform.html`,
    );
    await page.keyboard.press('Escape');
  });
});

describe('the dashboard and the badge, for an e-mail channel', () => {
  let page: Page;
  const dashboard = 'open-commitments';

  beforeAll(async () => {
    page = await openHostPage(
      '/host/email.html',
      `<open-commitments src="/feeds/email-feed.json" lang="en" today="${TODAY}" no-refresh></open-commitments>` +
        `<p>Badge : <open-commitment-badge src="/feeds/email-feed.json" commitment="B1" today="${TODAY}"></open-commitment-badge></p>`,
    );
    await page.locator(`${dashboard} [data-commitment-id="B1"]`).waitFor();
  });

  afterAll(async () => {
    await page?.close();
  });

  it('prefills a French e-mail from the badge, with this page', async () => {
    const badge = page.locator('open-commitment-badge');
    await badge.locator('[part="toggle"]').click();
    const panel = await openAsk(badge.locator('[part="popover"]'));
    const mail = readMailto(await panel.locator('a.ask-go').getAttribute('href'));
    expect(mail.to).toBe(EMAIL);
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.subject).toBe(
      "Interpellation – engagement B1\u00a0: Transports & vélo ? #3 à l'école",
    );
    expect(mail.body).toBe(
      'Madame, Monsieur,\r\n' +
        '\r\n' +
        "J’exerce mon droit d’interpellation au sujet de l’engagement B1 «\u00a0Transports & vélo ? #3 à l'école\u00a0».\r\n" +
        `Page consultée\u00a0: ${server.origin}/host/email.html\r\n` +
        '\r\n' +
        'Ma question\u00a0:\r\n' +
        '\r\n',
    );
    expect(await panel.locator('.ask-target').textContent()).toBe(EMAIL);
    expect(words(await panel.textContent())).toContain('Réponse promise sous 60 jours.');
    expect(words(await panel.textContent())).toContain(
      `Votre messagerie va ouvrir un message à : ${EMAIL}`,
    );
    await page.keyboard.press('Escape');
  });

  it('shows empty figures when nothing was asked', async () => {
    const stat = async (name: string) =>
      words(await page.locator(`${dashboard} [data-stat="${name}"]`).textContent());
    expect(await stat('asked')).toBe('0');
    expect(await stat('answered')).toBe('0');
    // A dash on screen, words for screen readers.
    for (const name of ['rate', 'median']) {
      const figure = page.locator(`${dashboard} [data-stat="${name}"]`);
      expect(await figure.locator('[aria-hidden="true"]').textContent()).toBe('—');
      expect(await figure.locator('.sr-only').textContent()).toBe('no figure yet');
    }
    expect(await stat('overdue')).toBe('0');
  });

  it('prefills an English e-mail to the address, with the delay and no threshold', async () => {
    const item = page.locator(`${dashboard} [data-commitment-id="B1"]`);
    await item.locator('.toggle').click();
    const panel = await openAsk(item);
    const link = panel.locator('a.ask-go');
    const mail = readMailto(await link.getAttribute('href'));
    expect(mail.to).toBe(EMAIL);
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.subject).toBe('Question on commitment B1: Transport & cycling ? #3 at school');
    expect(mail.body).toBe(
      'Dear Sir or Madam,\r\n' +
        '\r\n' +
        'I am using my right to question you about commitment B1, "Transport & cycling ? #3 at school".\r\n' +
        `Page I was reading: ${server.origin}/host/email.html\r\n` +
        '\r\n' +
        'My question:\r\n' +
        '\r\n',
    );
    expect(await link.getAttribute('href')).not.toMatch(/[+ #]/);
    expect(await panel.locator('.ask-target').textContent()).toBe(EMAIL);
    expect(words(await link.textContent())).toBe(`Write to ${EMAIL}`);
    const text = words(await panel.textContent());
    expect(text).toContain(`Your e-mail program will open a message to: ${EMAIL}`);
    expect(text).toContain('An answer is promised within 60 days.');
    expect(text).not.toMatch(/supporter/i);
  });
});

describe('the extension overlay', () => {
  beforeAll(async () => {
    const options = await session.openPage('options.html');
    for (const name of ['form-feed.json', 'email-feed.json']) {
      const url = `${server.origin}/feeds/${name}`;
      await options.getByLabel('Feed address').fill(url);
      await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await options.locator(`[data-feed-id="${url}"]`).waitFor();
    }
    await options.close();
    await waitForRegistration(session, 'http://127.0.0.1/interpellation/eau*');
    await waitForRegistration(session, 'http://127.0.0.1/interpellation/transports*');
  });

  /** Opens `path`, waits for the overlay row of `id`, and opens its "Question this" panel. */
  async function questionFromOverlay(path: string, id: string): Promise<Locator> {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}${path}`);
    const row = page.locator(`open-commitments-overlay li[data-commitment-id="${id}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Question this' }).click();
    const panel = row.locator('.oc-interpellate');
    await panel.waitFor();
    return panel;
  }

  it('links to the form with this page and says where it goes, the delay and threshold', async () => {
    const panel = await questionFromOverlay('/interpellation/eau.html', 'E1');
    const link = panel.locator('a[data-interpellation-link]');
    expect(await link.getAttribute('href')).toBe(
      `https://${FORM_HOST}/interpeller?engagement=E1&titre=${HOSTILE_TITLE_ENCODED}` +
        `&plan=PT-2026&page=${encodedOrigin}%2Finterpellation%2Feau.html`,
    );
    expect(await link.textContent()).toBe('Open the official form');
    expect(await panel.locator('li').allTextContents()).toEqual([
      `Opens on ${FORM_HOST}`,
      `The form will receive the address of this page: ${server.origin}/interpellation/eau.html`,
      'Answer promised within 30 days',
      '150 supporters needed for a formal answer or a debate',
      'Rules of the process',
    ]);
    await panel.page().close();
  });

  it('prefills the e-mail with this page, and shows the address and the delay', async () => {
    const panel = await questionFromOverlay('/interpellation/transports.html', 'B1');
    const link = panel.locator('a[data-interpellation-link]');
    const mail = readMailto(await link.getAttribute('href'));
    expect(mail.to).toBe(EMAIL);
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.subject).toBe('Question on commitment B1: Transport & cycling ? #3 at school');
    expect(mail.body).toBe(
      'Dear Sir or Madam,\r\n' +
        '\r\n' +
        'I am using my right to question you about commitment B1, "Transport & cycling ? #3 at school".\r\n' +
        `Page I was reading: ${server.origin}/interpellation/transports.html\r\n` +
        '\r\n' +
        'My question:\r\n' +
        '\r\n',
    );
    expect(await link.textContent()).toBe('Write the email');
    expect(await panel.locator('li').allTextContents()).toEqual([
      `Goes to ${EMAIL}`,
      `The message will contain the address of this page: ${server.origin}/interpellation/transports.html`,
      'Answer promised within 60 days',
    ]);
    await panel.page().close();
  });
});
