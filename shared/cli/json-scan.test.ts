import { describe, expect, it } from 'vitest';
import { duplicateKeys, htmlInTexts } from './json-scan.ts';

describe('duplicateKeys', () => {
  it('names a key written twice, at its path and line, and the line of the first', () => {
    const text = [
      '{',
      '  "publisher": {',
      '    "name": "Ville",',
      '    "kind": "municipality",',
      '    "kind": "state"',
      '  },',
      '  "commitments": [{ "id": "E1" }, { "id": "E2", "title": "a", "title": "b" }]',
      '}',
    ].join('\n');
    expect(duplicateKeys(text)).toEqual([
      {
        path: 'publisher.kind',
        message:
          'key "kind" written twice in this object, on line 5 (first on line 4): JSON keeps only the last one; remove one of them',
      },
      { path: 'commitments[1].title', message: expect.stringContaining('on line 7') as string },
    ]);
  });

  it('finds none when each object has its keys once, the same key in other objects included', () => {
    const text = '{"a": {"id": "x", "s": "\\"id\\": 1"}, "b": [{"id": "y"}, {"id": "z"}], "id": 0}';
    expect(duplicateKeys(text)).toEqual([]);
  });
});

describe('htmlInTexts', () => {
  it('warns with the path of a text holding an HTML tag', () => {
    const feed = {
      plan: { title: 'Plan <b>2026</b>' },
      commitments: [
        { summary: { fr: 'Voir <a href="https://example.fr">ici</a>', en: 'Line<br/>two' } },
        { note: 'fin</p>' },
      ],
    };
    expect(htmlInTexts(feed).map((issue) => [issue.path, issue.message])).toEqual([
      [
        'plan.title',
        '"<b>" looks like an HTML tag: a feed\'s texts are plain text, which readers show as written, tag included; remove it',
      ],
      ['commitments[0].summary.fr', expect.stringContaining('"<a href="https://example.fr">"')],
      ['commitments[0].summary.en', expect.stringContaining('"<br/>"')],
      ['commitments[1].note', expect.stringContaining('"</p>"')],
    ]);
  });

  it('leaves a lone < in prose alone', () => {
    const feed = { texts: ['< 5 %', 'a<b', 'si a<b et c>d', 'moins de <5 ans>', '<= 10'] };
    expect(htmlInTexts(feed)).toEqual([]);
  });
});
