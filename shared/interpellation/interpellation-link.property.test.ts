/**
 * `interpellationLink` over generated feed text and pages: whatever the words, a form link stays on
 * the publisher's form (same origin and path, the template's parameters only), and an e-mail link
 * goes to the one address, with only a subject and a body that read back as written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel, Commitment, Feed } from '../feed/types.ts';
import { wellFormed } from './expand-template.ts';
import { interpellationLink, pageToSend } from './interpellation-link.ts';

const RUNS = { numRuns: 300, seed: 20261205 };
const FORM =
  'https://participer.exemple.fr/interpeller?engagement={id}&titre={title}&plan={plan}&page={page}';

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'a&b=c',
    '?x#y',
    '/../../',
    'x\r\nBcc: a@b.fr',
    '\uD800',
    'é'.repeat(300),
    '%41',
    '{id}',
  ),
);
const idArb = fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/).filter((id) => id !== '.' && id !== '..');

function feedOf(interpellation: Channel, commitment: Commitment, plan: string): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    plan: { title: plan },
    interpellation,
    commitments: [commitment],
  };
}

describe('interpellationLink over generated words', () => {
  it('keeps a form link on the publisher form, each value in its own parameter', () => {
    fc.assert(
      fc.property(idArb, hostile, hostile, hostile, (id, title, plan, page) => {
        const commitment: Commitment = { id, title, status: 'limited' };
        const link = interpellationLink(feedOf({ url: FORM }, commitment, plan), commitment, {
          lang: 'fr',
          page,
        });
        expect(link?.kind).toBe('url');
        const url = new URL(link?.href ?? '');
        expect(url.origin + url.pathname).toBe('https://participer.exemple.fr/interpeller');
        expect(url.hash).toBe('');
        expect([...url.searchParams.keys()]).toEqual(['engagement', 'titre', 'plan', 'page']);
        expect(url.searchParams.get('engagement')).toBe(id);
        expect(url.searchParams.get('page')).toBe(wellFormed(pageToSend(page)));
      }),
      RUNS,
    );
  });

  it('writes an e-mail link to the one address, with a subject and a body only', () => {
    fc.assert(
      fc.property(idArb, hostile, fc.option(hostile, { nil: undefined }), (id, title, page) => {
        const commitment: Commitment = { id, title, status: 'limited' };
        const link = interpellationLink(
          feedOf({ email: 'mairie@exemple.fr' }, commitment, 'Plan'),
          commitment,
          {
            lang: 'fr',
            ...(page === undefined ? {} : { page }),
          },
        );
        expect(link?.kind).toBe('email');
        const href = link?.href ?? '';
        const [address, query = ''] = href.split('?');
        expect(address).toBe('mailto:mairie@exemple.fr');
        expect(href).not.toContain('#');
        const fields = query.split('&').map((field) => field.split('=')[0]);
        expect(fields).toEqual(['subject', 'body']);
        const subject = decodeURIComponent(query.split('&')[0]?.slice('subject='.length) ?? '');
        expect(subject).not.toMatch(/[\r\n]/);
        if (page !== undefined) {
          const body = decodeURIComponent(query.split('&')[1]?.slice('body='.length) ?? '');
          expect(body).toContain(wellFormed(pageToSend(page)).replace(/\r\n|\r|\n/g, '\r\n'));
        }
      }),
      RUNS,
    );
  });
});
