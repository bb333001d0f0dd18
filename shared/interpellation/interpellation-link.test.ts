import { describe, expect, it } from 'vitest';
import type { Channel, Commitment, Feed } from '../feed/types.ts';
import { interpellationLink, isPlainAddress } from './interpellation-link.ts';

const commitment: Commitment = {
  id: 'E1',
  title: { fr: 'Publier les marchés publics', en: 'Publish public contracts' },
  status: 'limited',
  refs: { ogp: 'FR0067' },
};

function feedWith(interpellation: Channel | undefined, extra: Partial<Feed> = {}): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: "Ville d'Exemple", kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    languages: ['fr', 'en'],
    plan: { id: 'PA-2026', title: { fr: "Plan d'action 2026", en: 'Action plan 2026' } },
    commitments: [commitment],
    ...(interpellation ? { interpellation } : {}),
    ...extra,
  };
}

// Hostile input under test, never run.
// eslint-disable-next-line no-script-url
const SCRIPT = 'javascript:alert(1)';

const FORM =
  'https://participer.exemple.fr/interpeller?engagement={id}&titre={title}&plan={plan}&page={page}';

/** Parses a mailto link back into its address, subject and body, as a mail client would. */
function parseMailto(href: string): {
  to: string;
  subject: string | null;
  body: string | null;
  keys: string[];
} {
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  return {
    to: decodeURIComponent(url.pathname),
    subject: url.searchParams.get('subject'),
    body: url.searchParams.get('body'),
    keys: [...url.searchParams.keys()],
  };
}

describe('interpellationLink', () => {
  it('gives no link when the feed has no interpellation channel', () => {
    expect(interpellationLink(feedWith(undefined), commitment, { lang: 'fr' })).toBeUndefined();
  });

  it('fills the form template with the id, the title in the viewer language, the plan and the page', () => {
    const feed = feedWith({
      url: FORM,
      responseDays: 30,
      threshold: 50,
      rules: 'https://exemple.fr/regles',
    });
    const link = interpellationLink(feed, commitment, {
      lang: 'en-GB',
      page: 'https://www.exemple.fr/marches?id=3&x=1#haut',
    });
    // The page without its query string (a token, an e-mail address) nor its fragment.
    expect(link).toMatchObject({
      kind: 'url',
      target: 'participer.exemple.fr',
      responseDays: 30,
      threshold: 50,
      rules: 'https://exemple.fr/regles',
      page: 'https://www.exemple.fr/marches',
    });
    const url = new URL(link?.href ?? '');
    expect(url.origin + url.pathname).toBe('https://participer.exemple.fr/interpeller');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      engagement: 'E1',
      titre: 'Publish public contracts',
      plan: 'PA-2026',
      page: 'https://www.exemple.fr/marches',
    });
    expect(url.hash).toBe('');
  });

  it('uses the plan title when the plan has no id, and nothing for an absent page', () => {
    const feed = feedWith({ url: FORM }, { plan: { title: { fr: "Plan d'action 2026" } } });
    const link = interpellationLink(feed, commitment, { lang: 'fr' });
    expect(link?.page).toBeUndefined();
    const url = new URL(link?.href ?? '');
    expect(url.searchParams.get('titre')).toBe('Publier les marchés publics');
    expect(url.searchParams.get('plan')).toBe("Plan d'action 2026");
    expect(url.searchParams.get('page')).toBe('');
  });

  it('keeps a hostile title inside its parameter', () => {
    const hostile: Commitment = { ...commitment, title: 'A & B?plan=X#frag {plan}\nZ' };
    const url = new URL(
      interpellationLink(feedWith({ url: FORM }), hostile, { lang: 'fr' })?.href ?? '',
    );
    expect([...url.searchParams.keys()]).toEqual(['engagement', 'titre', 'plan', 'page']);
    expect(url.searchParams.get('titre')).toBe('A & B?plan=X#frag {plan}\nZ');
    expect(url.searchParams.get('plan')).toBe('PA-2026');
    expect(url.hash).toBe('');
  });

  it('gives no link when the expanded template is not an absolute http(s) URL', () => {
    for (const template of [
      `${SCRIPT.slice(0, 11)}alert({id})`,
      '{page}',
      '/interpeller?e={id}',
      'data:text/html,{title}',
      // A user name before the host would make the link lie about where it goes.
      'https://www.ville.example@evil.example/?e={id}',
    ]) {
      const link = interpellationLink(feedWith({ url: template }), commitment, {
        lang: 'fr',
        page: SCRIPT,
      });
      expect(link, template).toBeUndefined();
    }
  });

  it('falls back to e-mail when the template does not give a usable URL', () => {
    const feed = feedWith({ url: '{page}', email: 'interpellation@exemple.fr' });
    expect(interpellationLink(feed, commitment, { lang: 'fr', page: 'x' })?.kind).toBe('email');
  });

  it('prefers the form when both a form and an address are given', () => {
    const feed = feedWith({ url: FORM, email: 'interpellation@exemple.fr' });
    expect(interpellationLink(feed, commitment, { lang: 'fr' })?.kind).toBe('url');
  });

  it('prefills a French e-mail with the OGP reference, the title and the page', () => {
    const feed = feedWith({ email: 'interpellation@exemple.fr', responseDays: 30 });
    const link = interpellationLink(feed, commitment, {
      lang: 'fr',
      page: 'https://www.exemple.fr/a?b=1&c=2#d',
    });
    expect(link).toMatchObject({
      kind: 'email',
      target: 'interpellation@exemple.fr',
      responseDays: 30,
      page: 'https://www.exemple.fr/a',
    });
    const mail = parseMailto(link?.href ?? '');
    expect(mail.to).toBe('interpellation@exemple.fr');
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.subject).toBe(
      'Interpellation – engagement FR0067\u00a0: Publier les marchés publics',
    );
    expect(mail.body).toBe(
      [
        'Madame, Monsieur,',
        '',
        'J’exerce mon droit d’interpellation au sujet de l’engagement FR0067 «\u00a0Publier les marchés publics\u00a0».',
        'Page consultée\u00a0: https://www.exemple.fr/a',
        '',
        'Ma question\u00a0:',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it('writes the e-mail in English for an English reader and uses the id without an OGP reference', () => {
    const plain: Commitment = { id: 'E2', title: { fr: 'Titre', en: 'Title' }, status: 'limited' };
    const link = interpellationLink(feedWith({ email: 'q@exemple.fr' }), plain, { lang: 'en' });
    const mail = parseMailto(link?.href ?? '');
    expect(mail.subject).toBe('Question on commitment E2: Title');
    expect(mail.body).toContain('about commitment E2, "Title".');
    expect(mail.body).not.toContain('Page I was reading');
  });

  it('encodes &, ?, #, line breaks and non-ASCII in the subject and body', () => {
    const hostile: Commitment = {
      ...commitment,
      title: 'Eau & air ? #1\nÉtape 2\r\nfin 中 🌻&cc=x@evil.example',
    };
    const link = interpellationLink(feedWith({ email: 'q@exemple.fr' }), hostile, { lang: 'fr' });
    const href = link?.href ?? '';
    expect(href.indexOf('?')).toBe(href.lastIndexOf('?'));
    expect(href).not.toMatch(/[#\r\n ]/);
    expect(href).toContain('%0D%0A');
    const mail = parseMailto(href);
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.to).toBe('q@exemple.fr');
    // A subject is one line: its line breaks become spaces.
    expect(mail.subject).toBe(
      'Interpellation – engagement FR0067\u00a0: Eau & air ? #1 Étape 2 fin 中 🌻&cc=x@evil.example',
    );
    expect(mail.body).toContain(
      '«\u00a0Eau & air ? #1\r\nÉtape 2\r\nfin 中 🌻&cc=x@evil.example\u00a0»',
    );
    expect(mail.body).not.toMatch(/[^\r]\n/);
  });

  it('gives no e-mail link for an address that could add headers or recipients', () => {
    for (const email of [
      'q@exemple.fr?cc=x@evil.example',
      'q@exemple.fr,x@evil.example',
      'q @exemple.fr',
      'q@exemple.fr#x',
      'q@exemple.fr&body=x',
      `${SCRIPT}//@exemple.fr`,
      'q%40evil.example@exemple.fr',
      'no-at-sign.exemple.fr',
    ]) {
      expect(
        interpellationLink(feedWith({ email }), commitment, { lang: 'fr' }),
        email,
      ).toBeUndefined();
    }
  });

  it('leaves out rules that are not an http(s) URL, or that hide their host', () => {
    for (const rules of [SCRIPT, 'https://www.ville.example@evil.example/reglement']) {
      const link = interpellationLink(feedWith({ url: FORM, rules }), commitment, { lang: 'fr' });
      expect(link, rules).toBeDefined();
      expect(link?.rules, rules).toBeUndefined();
    }
  });
});

describe('isPlainAddress', () => {
  it('accepts ordinary addresses', () => {
    for (const email of [
      'q@exemple.fr',
      'droit.interpellation@ville-exemple.fr',
      "o'neil+plan@a.b.example",
      // The format accepts international top-level domains in punycode (here .рф).
      'mairie@ville.xn--p1ai',
    ]) {
      expect(isPlainAddress(email), email).toBe(true);
    }
  });
});
