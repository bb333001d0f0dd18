// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { PageFeed } from '../messaging/protocol.ts';
import {
  documentPointers,
  findReferences,
  pointerMatcher,
  POINTER_SELECTOR,
} from './page-references.ts';

const TOWN = 'https://www.town.example';

function pageFeed(feedId: string, ids: string[]): PageFeed {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: 'Town', kind: 'municipality' },
    commitments: ids.map((id) => ({ id, title: id, status: 'limited', url: `${TOWN}/c/${id}` })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { feedId, feed: parsed.feed, pageCommitmentIds: [], site: true, followed: [] };
}

const feeds = [pageFeed(`${TOWN}/feed.json`, ['A1', 'B1', 'C1']), pageFeed('bundled:x', ['X1'])];

function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

beforeEach(() => {
  // The page's own address, which relative links and feed addresses are read against.
  document.head.replaceChildren(
    Object.assign(document.createElement('base'), { href: `${TOWN}/page` }),
  );
});

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('what a page points at', () => {
  it('counts what the page’s own widget shows: a badge, one commitment, or the whole plan', () => {
    setBody(`
      <open-commitment-badge src="/feed.json" commitment=" B1 "></open-commitment-badge>
      <open-commitments src="${TOWN}/feed.json#top" commitment="C1"></open-commitments>
      <open-commitment-badge src="/feed.json"></open-commitment-badge>
      <open-commitment-badge src="https://elsewhere.example/feed.json" commitment="X1"></open-commitment-badge>
      <open-commitments src="/feed.json"></open-commitments>
      <open-commitments src="https://elsewhere.example/feed.json"></open-commitments>`);
    const found = findReferences(document, feeds).map((r) => [r.kind, r.commitment.id]);
    // A badge naming no commitment shows none; a dashboard of a feed read elsewhere than where the
    // person subscribes shows nothing that can be told apart, and a badge of it is matched by id.
    expect(found).toEqual([
      ['shown', 'B1'],
      ['shown', 'C1'],
      ['shown', 'X1'],
      ['shown', 'A1'],
      ['shown', 'B1'],
      ['shown', 'C1'],
    ]);
  });

  it('reads a page in the tab for the popup as the overlay reads it', () => {
    setBody(`
      <a href="/c/A1">A1</a> <a href="/elsewhere">not one</a>
      <section data-commitment="B1"><open-commitment-badge src="/feed.json" commitment="C1"></open-commitment-badge></section>
      <open-commitments src="/feed.json"></open-commitments>
      <open-commitment-badge commitment="X1"></open-commitment-badge>
      <open-commitment-badge></open-commitment-badge>`);
    const overlay = findReferences(document, feeds).map((r) => [r.kind, r.commitment.id]);
    const { base, pointers } = documentPointers(POINTER_SELECTOR);
    // What the popup gets back from the tab: a copy, as a structured clone gives it.
    const match = pointerMatcher(feeds);
    const popup = structuredClone(pointers).flatMap((p) =>
      match(p, base).map((hit) => [hit.kind, hit.commitment.id]),
    );
    expect(popup).toEqual(overlay);
    expect(overlay).toHaveLength(7);
  });
});
