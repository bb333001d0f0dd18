import { describe, expect, it } from 'vitest';
import { runCli } from './test-support.ts';

/** A `fetch` that fails as Node's does when the connection fails with `code`. */
function failing(code: string, message: string): typeof fetch {
  return (async () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
  }) as typeof fetch;
}

const URL = 'https://www.ville.example/engagements.json';

describe('a feed address that cannot be fetched', () => {
  it('says in words what the publisher can act on, its code kept', async () => {
    const cases: [string, string, string][] = [
      [
        'ENOTFOUND',
        'getaddrinfo ENOTFOUND www.ville.example',
        'no server has that name; check the address',
      ],
      [
        'EAI_AGAIN',
        'getaddrinfo EAI_AGAIN www.ville.example',
        'the server is out of reach; check that this computer is online (or the proxy it must use)',
      ],
      [
        'ENETUNREACH',
        'connect ENETUNREACH 192.0.2.1:443',
        'the server is out of reach; check that this computer is online (or the proxy it must use)',
      ],
      [
        'UND_ERR_CONNECT_TIMEOUT',
        'Connect Timeout Error',
        'the server does not answer; it may be down, or a firewall may block the connection',
      ],
      ['ECONNREFUSED', 'connect ECONNREFUSED 192.0.2.1:443', 'the server refused the connection'],
      ['ECONNRESET', 'read ECONNRESET', 'the connection was cut'],
      [
        'CERT_HAS_EXPIRED',
        'certificate has expired',
        "the server's certificate is not valid, and browsers will refuse to read this feed too",
      ],
      [
        'ERR_TLS_CERT_ALTNAME_INVALID',
        "Hostname/IP does not match certificate's altnames",
        "the server's certificate is not valid, and browsers will refuse to read this feed too",
      ],
    ];
    for (const [code, message, words] of cases) {
      const ran = await runCli(['validate', URL], { fetch: failing(code, message) });
      expect(ran.code).toBe(2);
      expect(ran.stderr).toBe(`error    ${URL}: could not fetch: ${words} (${code})\n`);
    }
  });

  it('says it in French on a French system', async () => {
    const ran = await runCli(['validate', URL], {
      lang: 'fr',
      fetch: failing('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
    });
    expect(ran.stderr.replace(/\u00a0/g, ' ')).toBe(
      `erreur    ${URL} : téléchargement impossible : le certificat du serveur n’est pas valide, et les navigateurs refuseront aussi de lire ce flux (DEPTH_ZERO_SELF_SIGNED_CERT)\n`,
    );
    const offline = await runCli(['validate', URL], {
      lang: 'fr',
      fetch: failing('EAI_AGAIN', 'getaddrinfo EAI_AGAIN www.ville.example'),
    });
    expect(offline.stderr.replace(/\u00a0/g, ' ')).toBe(
      `erreur    ${URL} : téléchargement impossible : le serveur est hors d’atteinte : vérifiez que cet ordinateur est connecté à Internet (ou le proxy qu’il doit utiliser) (EAI_AGAIN)\n`,
    );
    const missing = await runCli(['validate', URL], {
      lang: 'fr',
      fetch: failing('ENOTFOUND', 'getaddrinfo ENOTFOUND www.ville.example'),
    });
    expect(missing.stderr.replace(/\u00a0/g, ' ')).toBe(
      `erreur    ${URL} : téléchargement impossible : aucun serveur ne porte ce nom, vérifiez l’adresse (ENOTFOUND)\n`,
    );
  });

  it('gives any other cause as Node words it', async () => {
    const ran = await runCli(['validate', URL], {
      fetch: failing('UND_ERR_INVALID_ARG', 'invalid onRequestStart method'),
    });
    expect(ran.stderr).toBe(
      `error    ${URL}: could not fetch (fetch failed: invalid onRequestStart method)\n`,
    );
  });
});
