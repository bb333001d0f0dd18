import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import { runCli } from './test-support.ts';

describe('init --lang', () => {
  it('writes English example addresses and status key in English', async () => {
    const ran = await runCli(['init', '--lang', 'en']);
    expect(ran.code).toBe(0);
    expect(parseFeed(ran.stdout, { mode: 'strict' }).ok).toBe(true);
    expect(ran.stdout).not.toMatch(/interpeller|engagement=|reglement|marches|en-cours/);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      statuses: [{ key: 'tender-under-way', label: 'Tender under way' }],
      interpellation: {
        url: 'https://www.example.org/interpellate?commitment={id}&page={page}',
        rules: 'https://www.example.org/interpellation-rules',
      },
      commitments: [
        {
          status: 'tender-under-way',
          pages: ['https://www.example.org/public-contracts/*'],
          updates: [{ status: 'tender-under-way' }],
        },
      ],
    });
  });

  it('keeps French ones in French', async () => {
    const ran = await runCli(['init', '--lang', 'fr']);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      statuses: [{ key: 'en-cours-de-marche' }],
      interpellation: { url: 'https://www.example.org/interpeller?engagement={id}&page={page}' },
      commitments: [{ themes: ['Commande publique'] }],
    });
  });

  it('writes its French texts with French typography', async () => {
    const ran = await runCli(['init', '--lang', 'fr']);
    for (const text of [ran.stdout, ran.stderr]) {
      expect(text).not.toMatch(/[a-zé]'[a-zé]/);
      expect(text).not.toMatch(/ [:;!?»]|« |\\"/);
    }
  });
});
