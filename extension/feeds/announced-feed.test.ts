import { describe, expect, it } from 'vitest';
import { announcedFeeds, isHtmlType } from './announced-feed.ts';

const page = 'http://127.0.0.1:8132/valfleurie/';
const link = (attrs: string) => `<!doctype html><html><head>${attrs}</head><body></body></html>`;

describe('the feed a web page announces', () => {
  it('finds the announced feed, resolved against the page address', () => {
    const html = link(`<link
      rel="alternate"
      type="application/vnd.open-commitments+json"
      href="/feeds/valfleurie.demo.json"
      title="Engagements de la Commune de Valfleurie"
    />`);
    expect(announcedFeeds(html, page)).toEqual([
      'http://127.0.0.1:8132/feeds/valfleurie.demo.json',
    ]);
  });

  it('reads unquoted and single-quoted values, any case, and character references', () => {
    const html = link(
      `<LINK REL='Alternate Feed' TYPE=application/vnd.open-commitments+JSON HREF="feed.json?a=1&amp;b=2">`,
    );
    expect(announcedFeeds(html, page)).toEqual([
      'http://127.0.0.1:8132/valfleurie/feed.json?a=1&b=2',
    ]);
  });

  it('resolves against the page’s base address, as a browser does', () => {
    const html = link(
      `<link rel="alternate" type="application/vnd.open-commitments+json" href="f.json"><base href="https://data.example.org/open/">`,
    );
    expect(announcedFeeds(html, page)).toEqual(['https://data.example.org/open/f.json']);
  });

  it('leaves out other feeds, addresses that are not http(s), and links in comments or scripts', () => {
    const html = link(`
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="stylesheet" type="application/vnd.open-commitments+json" href="/a.json">
      <link rel="alternate" type="application/vnd.open-commitments+json" href="javascript:alert(1)">
      <link rel="alternate" type="application/vnd.open-commitments+json" href="data:application/json,{}">
      <!-- <link rel="alternate" type="application/vnd.open-commitments+json" href="/old.json"> -->
      <script>const s = '<link rel="alternate" type="application/vnd.open-commitments+json" href="/s.json">';</script>
    `);
    expect(announcedFeeds(html, page)).toEqual([]);
  });

  it('gives each address once, in the page’s order', () => {
    const one =
      '<link rel="alternate" type="application/vnd.open-commitments+json" href="/1.json">';
    const two =
      '<link rel="alternate" type="application/vnd.open-commitments+json" href="/2.json">';
    expect(announcedFeeds(link(one + two + one), page)).toEqual([
      'http://127.0.0.1:8132/1.json',
      'http://127.0.0.1:8132/2.json',
    ]);
  });

  it('finds the link after half a megabyte of tags left open', () => {
    const one =
      '<link rel="alternate" type="application/vnd.open-commitments+json" href="/1.json">';
    for (const open of ['<link ', '<link a="', "<base href='x "]) {
      const html = open.repeat(Math.floor(500_000 / open.length)) + one;
      expect(announcedFeeds(html, page), open).toEqual(['http://127.0.0.1:8132/1.json']);
    }
  });

  it('knows an HTML answer by its media type', () => {
    expect(isHtmlType('text/html; charset=utf-8')).toBe(true);
    expect(isHtmlType('application/xhtml+xml')).toBe(true);
    expect(isHtmlType('application/json')).toBe(false);
    expect(isHtmlType(null)).toBe(false);
  });
});
