import { describe, expect, it } from 'vitest';
import { acceptRequest, type Sender } from './protocol.ts';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const page = 'https://www.exemple.fr/marches/avis-1';
const contentScript: Sender = { id: 'ext-id', url: page, tab: { id: 4, url: page }, frameId: 0 };
const optionsPage: Sender = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };

describe('acceptRequest', () => {
  it('lets a content script ask about its own page, fragment aside', () => {
    const result = acceptRequest(
      { type: 'page-matches', url: `${page}#section` },
      contentScript,
      self,
    );
    expect(result).toEqual({ ok: true, request: { type: 'page-matches', url: `${page}#section` } });
  });

  it('refuses a content script asking about another page', () => {
    const result = acceptRequest(
      { type: 'page-matches', url: 'https://www.exemple.fr/autre' },
      contentScript,
      self,
    );
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('its own page') });
  });

  it('refuses a content script in a subframe', () => {
    const result = acceptRequest(
      { type: 'page-matches', url: page },
      { ...contentScript, frameId: 3 },
      self,
    );
    expect(result.ok).toBe(false);
  });

  it('refuses privileged requests from a content script', () => {
    for (const request of [
      { type: 'subscribe', url: 'https://evil.example/feed.json' },
      { type: 'unsubscribe', feedId: 'https://www.exemple.fr/feed.json' },
      { type: 'follow', feedId: 'bundled:paris', commitmentId: 'P1', follow: true },
      { type: 'dashboard' },
      { type: 'delete-question', id: 1 },
    ]) {
      expect(acceptRequest(request, contentScript, self)).toMatchObject({
        ok: false,
        error: expect.stringContaining('only from extension pages'),
      });
    }
  });

  it('keeps a question from a content script only about its own page', () => {
    const question = { type: 'remember-question', feedId: 'bundled:paris', commitmentId: 'P1' };
    expect(acceptRequest({ ...question, url: page }, contentScript, self).ok).toBe(true);
    // No page: a question about a followed commitment, which only "My commitments" may send.
    expect(acceptRequest(question, contentScript, self)).toMatchObject({
      ok: false,
      error: expect.stringContaining('its own page'),
    });
    expect(acceptRequest({ ...question, url: undefined }, contentScript, self).ok).toBe(false);
    expect(acceptRequest(question, optionsPage, self)).toEqual({ ok: true, request: question });
  });

  it('accepts privileged requests from the extension’s own pages', () => {
    const result = acceptRequest(
      { type: 'subscribe', url: 'https://www.exemple.fr/feed.json' },
      optionsPage,
      self,
    );
    expect(result.ok).toBe(true);
  });

  it('refuses a message from another extension, even with our page URL', () => {
    const result = acceptRequest({ type: 'dashboard' }, { ...optionsPage, id: 'other' }, self);
    expect(result).toMatchObject({ ok: false, error: 'message from another extension' });
  });

  it('names where a malformed message is wrong', () => {
    expect(
      acceptRequest(
        { type: 'follow', feedId: 'bundled:paris', commitmentId: 'a b', follow: true },
        optionsPage,
        self,
      ),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('commitmentId'),
    });
    expect(acceptRequest({ type: 'dashboard', extra: 1 }, optionsPage, self).ok).toBe(false);
    expect(acceptRequest({ type: 'nope' }, optionsPage, self).ok).toBe(false);
    expect(acceptRequest('page-matches', optionsPage, self).ok).toBe(false);
  });

  it('refuses feed URLs that are not http(s)', () => {
    for (const url of [
      ['javascript', 'alert(1)'].join(':'),
      'file:///etc/passwd',
      'data:text/plain,x',
      'feed.json',
    ]) {
      expect(acceptRequest({ type: 'subscribe', url }, optionsPage, self).ok).toBe(false);
    }
  });
});
