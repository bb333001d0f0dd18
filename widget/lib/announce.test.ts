// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { StoredFeed } from '../../shared/index.ts';
import { announceFeedState, type Announced } from './announce.ts';
import type { FeedState } from './feed-source.ts';

const entry = { url: 'https://x.example/feed.json', feed: { format: 'open-commitments/1' } };
const failure = { reason: 'http', message: 'HTTP 500 from https://x.example/feed.json' };

function listen(host: HTMLElement): string[] {
  const heard: string[] = [];
  host.addEventListener('oc-load', () => heard.push('load'));
  host.addEventListener('oc-error', (e) =>
    heard.push(`error:${(e as CustomEvent<{ url: string }>).detail.url}`),
  );
  return heard;
}

describe('announceFeedState', () => {
  it('announces each copy and each failure once, a failed refresh behind a stale copy included', () => {
    const host = document.createElement('div');
    const heard = listen(host);
    const announced: Announced = {};
    const url = 'https://x.example/feed.json';
    const ready = { phase: 'ready', revision: 1, entry } as unknown as FeedState;
    announceFeedState(host, ready, url, announced);
    announceFeedState(host, ready, url, announced);
    const stale = { ...ready, revision: 2, error: failure } as unknown as FeedState;
    announceFeedState(host, stale, url, announced);
    announceFeedState(host, stale, url, announced);
    const fresh = { phase: 'ready', revision: 3, entry: { ...entry } as unknown as StoredFeed };
    announceFeedState(host, fresh as FeedState, url, announced);
    expect(heard).toEqual(['load', `error:${url}`, 'load']);
  });

  it('lets the events bubble up to the host page', () => {
    const outer = document.createElement('div');
    const host = document.createElement('span');
    outer.append(host);
    const heard = listen(outer);
    const failed = { phase: 'error', revision: 1, error: failure } as unknown as FeedState;
    announceFeedState(host, failed, 'https://x.example/feed.json', {});
    expect(heard).toEqual(['error:https://x.example/feed.json']);
  });
});
