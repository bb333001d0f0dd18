import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { RefreshError } from '../../shared/cache/refresh-feed.ts';
import { describeFailure } from './describe-failure.ts';
import { commonMessages } from './messages.ts';

/** The failure of a feed refused for what `text` holds. */
function refused(text: string): RefreshError {
  const result = parseFeed(text);
  if (result.ok) throw new Error('the feed was read');
  return { reason: 'refused', message: 'Feed x: refused', errors: result.errors };
}

describe('describeFailure', () => {
  const fr = commonMessages.fr;

  it('says a cut-off feed is unreadable, without the parser’s words', () => {
    const words = describeFailure(refused('{"format": "open-commitments/1",'), fr, 'fr');
    expect(words).toBe(
      'Le flux a été refusé car il est illisible (son JSON est incomplet ou mal formé).',
    );
  });

  it('says a feed of a newer version of the format cannot be read here', () => {
    const words = describeFailure(
      refused(JSON.stringify({ format: 'open-commitments/2' })),
      commonMessages.en,
      'en',
    );
    expect(words).toBe(
      'This feed is written in a newer version of the format, which this dashboard cannot read.',
    );
  });

  it('says a feed is not in the format when it names another one', () => {
    const words = describeFailure(refused(JSON.stringify({ format: 'rss' })), fr, 'fr');
    expect(words).toBe('Le flux a été refusé car il n’est pas au format Open Commitments.');
  });

  it('tells a missing feed from another server error', () => {
    expect(describeFailure({ reason: 'http', status: 404, message: '' }, fr, 'fr')).toBe(
      'Aucun flux ne se trouve à cette adresse (erreur 404).',
    );
    expect(describeFailure({ reason: 'http', status: 500, message: '' }, fr, 'fr')).toBe(
      'Le serveur du flux a répondu par une erreur (HTTP 500).',
    );
  });

  it('says a feed is too large, whether its server said so or its reader counted', () => {
    const large = 'Le flux dépasse la taille autorisée.';
    expect(describeFailure({ reason: 'too-large', message: '' }, fr, 'fr')).toBe(large);
    const deep = `{"a":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect(describeFailure(refused(deep), fr, 'fr')).toBe(large);
  });
});
