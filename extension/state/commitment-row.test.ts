import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import { commitmentRow } from './commitment-row.ts';

function feedWith(interpellation: Record<string, string>) {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: 'Town', kind: 'municipality' },
    interpellation,
    commitments: [{ id: 'A1', title: 'Open data', status: 'limited' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.feed;
}

const page = 'https://www.ville.example/marches?annee=2026#access_token=secret';

describe('a commitment row', () => {
  it('passes the page to the publisher’s form without its query string and fragment', () => {
    const feed = feedWith({ url: 'https://www.ville.example/interpeller?page={page}' });
    const row = commitmentRow(feed, feed.commitments[0]!, 'en', '2026-12-04', page);
    const href = new URL(row.link!.href);
    expect(href.searchParams.get('page')).toBe('https://www.ville.example/marches');
    expect(row.link!.page).toBe('https://www.ville.example/marches');
  });

  it('says no page is sent to a form whose address does not take it', () => {
    const feed = feedWith({ url: 'https://www.ville.example/interpeller?c={id}' });
    const row = commitmentRow(feed, feed.commitments[0]!, 'en', '2026-12-04', page);
    expect(row.link!.href).toBe('https://www.ville.example/interpeller?c=A1');
    expect(row.link!.page).toBeUndefined();
  });

  it('writes the page into the e-mail without its query string and fragment', () => {
    const feed = feedWith({ email: 'q@ville.example' });
    const row = commitmentRow(feed, feed.commitments[0]!, 'en', '2026-12-04', page);
    const body = new URL(row.link!.href).searchParams.get('body');
    expect(body).toContain('https://www.ville.example/marches');
    expect(body).not.toContain('annee');
    expect(body).not.toContain('secret');
    expect(row.link!.page).toBe('https://www.ville.example/marches');
  });

  it('links the title only to a plain http(s) address', () => {
    const feed = feedWith({ email: 'q@ville.example' });
    const url = (value: string) =>
      commitmentRow(feed, { ...feed.commitments[0]!, url: value }, 'en', '2026-12-04').url;
    expect(url('https://www.ville.example/a1')).toBe('https://www.ville.example/a1');
    for (const value of [
      ['javascript', 'alert(1)'].join(':'),
      'https://www.ville.example@evil.example/',
      ' https://evil.example/',
    ]) {
      expect(url(value), value).toBeUndefined();
    }
  });
});
