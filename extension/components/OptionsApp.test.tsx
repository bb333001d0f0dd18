// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { OptionsModel } from '../state/options.ts';
import { OptionsApp } from './OptionsApp.tsx';

function fakeModel(outcome: OptionsModel['outcome']['value'] = null): OptionsModel {
  const noop = async () => undefined;
  return {
    subscriptions: signal([
      {
        feedId: 'https://www.exemple.fr/feed.json',
        url: 'https://www.exemple.fr/feed.json',
        name: 'Ville d’Exemple',
        paused: false,
        lastError: {
          at: Date.UTC(2026, 10, 2, 9),
          message: 'HTTP 500 from https://www.exemple.fr/feed.json',
        },
        missingOrigins: [],
      },
    ]),
    hidden: signal([]),
    outcome: signal(outcome),
    error: signal(null),
    load: noop,
    subscribe: noop,
    subscribeAnnounced: noop,
    allow: async () => true,
    setPaused: noop,
    remove: noop,
    refresh: noop,
    unhide: noop,
  };
}

function mount(model: OptionsModel, lang: 'fr' | 'en'): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<OptionsApp model={model} lang={lang} />, root);
  return root;
}

function withSubscription(paused: boolean): OptionsModel {
  const model = fakeModel();
  model.subscriptions.value = [{ ...model.subscriptions.value[0]!, paused }];
  return model;
}

describe('the options page', () => {
  it('marks a fictional bundled feed as an example once', () => {
    const model = fakeModel();
    model.subscriptions.value = [
      {
        feedId: 'bundled:valfleurie',
        bundled: 'valfleurie',
        fictional: true,
        name: 'Town of Valfleurie',
        paused: false,
        missingOrigins: [],
      },
    ];
    const name = mount(model, 'en').querySelector('[data-feed-id="bundled:valfleurie"] th');
    expect(name?.textContent).toMatch(/^Town of Valfleurie \(example\) · /);
    expect(name?.textContent?.match(/example/g)).toHaveLength(1);
  });

  it('says on which sites nothing is shown for a feed, and why, after subscribing and in its row', () => {
    const leftOut = ['*://*.fr/*', 'https://*.github.io/*'];
    const model = fakeModel({
      kind: 'added',
      name: 'Ville d’Exemple',
      warnings: [],
      missingOrigins: [],
      leftOut,
    });
    model.subscriptions.value = [{ ...model.subscriptions.value[0]!, leftOut }];
    const page = mount(model, 'fr');
    const said = [...page.querySelectorAll('[data-left-out]')].map((e) => e.textContent);
    const sentence =
      'Rien n’est affiché sur *://*.fr/*, https://*.github.io/*\u00a0: cela couvre les sites de nombreux propriétaires, pas seulement ceux de cet organisme.';
    expect(said).toEqual([sentence, sentence]);
    expect(mount(fakeModel(), 'en').querySelector('[data-left-out]')).toBeNull();
  });

  it('says in words that a feed is paused, and offers to resume it', () => {
    const active = mount(withSubscription(false), 'en');
    expect(active.querySelector('[data-paused]')).toBeNull();
    const activeButton = [...active.querySelectorAll('tr button')].find((b) =>
      /^(Pause|Resume)/.test(b.textContent ?? ''),
    );
    expect(activeButton?.getAttribute('aria-label')).toBe('Pause: Ville d’Exemple');
    expect(activeButton?.hasAttribute('aria-pressed')).toBe(false);
    expect(
      [...active.querySelectorAll('tr button')].map((b) => b.getAttribute('aria-label')),
    ).toContain('Refresh now: Ville d’Exemple');

    const paused = mount(withSubscription(true), 'fr');
    expect(paused.querySelector('[data-paused]')?.textContent).toBe('Suspendu');
    const names = [...paused.querySelectorAll('tr button')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(names).toContain('Reprendre\u00a0: Ville d’Exemple');
    expect(names).not.toContain('Suspendre\u00a0: Ville d’Exemple');
    // It is not downloaded while paused, so it offers no refresh that would do nothing.
    expect(names).not.toContain('Actualiser\u00a0: Ville d’Exemple');
  });

  it('speaks French to a French browser', () => {
    const root = mount(fakeModel(), 'fr');
    expect(root.querySelector('label')?.textContent).toBe('Adresse du flux');
    expect(root.querySelector('button[type="submit"]')?.textContent).toBe('S’abonner');
    expect(root.textContent).toContain('La dernière copie valide reste utilisée');
  });

  it('shows each refused feed’s errors with their JSON paths', () => {
    const root = mount(
      fakeModel({
        kind: 'refused',
        failure: {
          reason: 'refused',
          errors: [{ path: 'commitments', message: 'expected an array' }],
        },
      }),
      'en',
    );
    const refused = root.querySelector('[data-outcome="refused"]');
    expect(refused?.querySelector('code')?.textContent).toBe('commitments');
    expect(refused?.textContent).toContain('expected an array');
  });

  it('words failures in French, the parser’s English issues listed once, marked as English', () => {
    const http = mount(
      fakeModel({ kind: 'refused', failure: { reason: 'http', status: 404 } }),
      'fr',
    );
    expect(http.querySelector('[data-outcome="refused"]')?.textContent).toBe(
      'Ce flux n’a pas été ajouté\u00a0: le serveur a répondu par l’erreur 404.',
    );
    const url = mount(fakeModel({ kind: 'refused', failure: { reason: 'not-http' } }), 'fr');
    expect(url.querySelector('[data-outcome="refused"]')?.textContent).toBe(
      'Ce flux n’a pas été ajouté\u00a0: son adresse doit commencer par http:// ou https://.',
    );
    const issue = { path: '$', message: 'the feed is not valid JSON' };
    const parser = mount(
      fakeModel({ kind: 'refused', failure: { reason: 'refused', errors: [issue] } }),
      'fr',
    );
    const refused = parser.querySelector('[data-outcome="refused"]')!;
    expect(refused.querySelector('p')?.textContent).toBe(
      'Ce flux n’a pas été ajouté\u00a0: le fichier n’est pas un flux d’engagements valide.',
    );
    expect(refused.querySelector('p + p')?.textContent).toBe(
      'Détails pour l’éditeur du flux, en anglais\u00a0:',
    );
    expect(refused.querySelector('ul')?.getAttribute('lang')).toBe('en');
    expect(refused.textContent?.split('the feed is not valid JSON')).toHaveLength(2);

    const model = fakeModel();
    const sub = model.subscriptions.value[0]!;
    model.subscriptions.value = [
      { ...sub, lastError: { ...sub.lastError!, reason: 'http', status: 500 } },
    ];
    const failed = mount(model, 'fr').querySelector('[data-feed-error]')?.textContent;
    expect(failed).toMatch(
      /^Échec de l’actualisation le .+\u00a0: le serveur a répondu par l’erreur 500\./,
    );
    expect(failed).not.toContain('HTTP');
  });

  it('keeps keyboard focus in the page while subscribing and after removing a feed or a site, and says what went', async () => {
    const model = fakeModel();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const first = model.subscriptions.value[0]!;
    model.subscriptions.value = [first, { ...first, feedId: 'b', url: 'b', name: 'B' }];
    model.hidden.value = ['https://a.example', 'https://b.example'];
    model.remove = async (feedId) => {
      model.subscriptions.value = model.subscriptions.value.filter((s) => s.feedId !== feedId);
    };
    model.unhide = async (origin) => {
      model.hidden.value = model.hidden.value.filter((o) => o !== origin);
    };
    model.subscribe = async () => {
      model.outcome.value = { kind: 'busy' };
    };
    const root = mount(model, 'en');

    const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.focus();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(submit.disabled).toBe(false);
    expect(document.activeElement).toBe(submit);

    const removeButton = (feedId: string) =>
      [...root.querySelectorAll(`tr[data-feed-id="${feedId}"] button`)].find((b) =>
        b.textContent?.startsWith('Remove'),
      ) as HTMLButtonElement;
    // Each step waits for what it expects rather than for a time, which a busy machine stretches.
    removeButton(first.feedId).focus();
    removeButton(first.feedId).click();
    const said = () => root.querySelector('[data-refresh-result]')?.textContent;
    await vi.waitFor(() => {
      expect(document.activeElement?.closest('tr')?.getAttribute('data-feed-id')).toBe('b');
      expect(said()).toBe('Subscription removed: Ville d’Exemple');
    });
    removeButton('b').focus();
    removeButton('b').click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Subscriptions'));

    const showAgain = () => root.querySelector<HTMLButtonElement>('li button')!;
    showAgain().focus();
    showAgain().click();
    await vi.waitFor(() => {
      expect(said()).toBe('The panel and badges show again on https://a.example');
      expect(document.activeElement).toBe(showAgain());
    });
    showAgain().click();
    await vi.waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        'Sites where the panel and badges are hidden',
      ),
    );
  });

  it('heads each row with its feed, names its buttons after it, and says what "Refresh now" found, each time', async () => {
    const model = fakeModel();
    const first = model.subscriptions.value[0]!;
    model.subscriptions.value = [
      first,
      { ...first, feedId: 'b', url: 'b', name: 'Métropole', lastError: undefined },
    ];
    model.refresh = async (feedId) => {
      model.subscriptions.value = model.subscriptions.value.map((s) =>
        s.feedId === feedId ? { ...s, checkedAt: Date.UTC(2026, 11, 5, 9, 30) } : s,
      );
    };
    const root = mount(model, 'en');
    const headers = [...root.querySelectorAll('tr th[scope="row"] strong')];
    expect(headers.map((header) => header.textContent)).toEqual(['Ville d’Exemple', 'Métropole']);
    const names = [...root.querySelectorAll('tr button')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Pause: Ville d’Exemple',
      'Refresh now: Ville d’Exemple',
      'Remove: Ville d’Exemple',
      'Pause: Métropole',
      'Refresh now: Métropole',
      'Remove: Métropole',
    ]);
    const status = root.querySelector('[data-refresh-result]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('');
    const refreshB = root.querySelector<HTMLButtonElement>(
      'tr[data-feed-id="b"] button:nth-child(2)',
    )!;
    refreshB.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = status.textContent;
    expect(result).toMatch(/^Métropole: Checked December 5, 2026/);
    // The same result again is said again: the status is emptied while the refresh runs.
    const refresh = model.refresh;
    let finish: () => Promise<void> = async () => undefined;
    model.refresh = (feedId) =>
      new Promise<void>((resolve) => {
        finish = () => refresh(feedId).then(resolve);
      });
    refreshB.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status.textContent).toBe('');
    await finish();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status.textContent).toBe(result);
  });
  it('names on each "Show again" button the site it acts on', () => {
    const model = fakeModel();
    model.hidden.value = ['https://a.example', 'https://b.example'];
    const names = [...mount(model, 'fr').querySelectorAll('li button')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(names).toEqual([
      'Réafficher\u00a0: https://a.example',
      'Réafficher\u00a0: https://b.example',
    ]);
  });

  it('says that a feed’s sites are allowed, and keeps focus where the Allow button was', async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const missing = ['https://participer.exemple.fr/*'];
    const added = {
      kind: 'added' as const,
      name: 'Ville d’Exemple',
      warnings: [],
      missingOrigins: missing,
    };
    const model = fakeModel(added);
    const first = model.subscriptions.value[0]!;
    model.subscriptions.value = [{ ...first, missingOrigins: missing }];
    // Granted: the background then finds nothing missing, and the outcome says so.
    model.allow = async () => {
      model.subscriptions.value = [{ ...first, missingOrigins: [] }];
      model.outcome.value = { ...added, missingOrigins: [], allowed: missing };
      return true;
    };
    const root = mount(model, 'en');
    const allow = (scope: string) =>
      [...root.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find((b) =>
        b.textContent?.startsWith('Allow'),
      )!;

    allow('tr').focus();
    allow('tr').click();
    await vi.waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Pause: Ville d’Exemple');
      expect(root.querySelector('[data-refresh-result]')?.textContent).toBe(
        'Ville d’Exemple: commitments are now shown on https://participer.exemple.fr/*.',
      );
    });

    model.subscriptions.value = [{ ...first, missingOrigins: missing }];
    model.outcome.value = added;
    await settle();
    allow('[data-outcome="added"]').focus();
    allow('[data-outcome="added"]').click();
    await vi.waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        'Commitments are now shown on https://participer.exemple.fr/*.',
      ),
    );
  });

  it('links to My commitments, in the interface’s language', () => {
    const root = mount(fakeModel(), 'fr');
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Mes engagements');
    expect(link?.getAttribute('href')).toBe('dashboard.html');
  });

  it('says in the row, to see, that "Refresh now" was done, and not when it failed', async () => {
    const model = fakeModel();
    const first = model.subscriptions.value[0]!;
    model.subscriptions.value = [
      { ...first, lastError: undefined, checkedAt: Date.UTC(2026, 11, 5, 9, 30) },
    ];
    let fail = false;
    model.refresh = async (feedId) => {
      model.subscriptions.value = model.subscriptions.value.map((s) =>
        s.feedId !== feedId
          ? s
          : fail
            ? { ...s, lastError: { at: Date.now(), message: 'down', reason: 'http', status: 500 } }
            : s,
      );
    };
    const root = mount(model, 'fr');
    const row = root.querySelector('tr')!;
    const refresh = [...row.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Actualiser'),
    )!;
    expect(row.textContent).not.toContain('actualisé à l’instant');
    refresh.click();
    await vi.waitFor(() => expect(row.textContent).toContain('· actualisé à l’instant'));
    fail = true;
    refresh.click();
    await vi.waitFor(() => expect(row.querySelector('[data-feed-error]')).not.toBeNull());
    expect(row.textContent).not.toContain('actualisé à l’instant');
  });
  it('says in the row that pausing, refreshing, removing or allowing a feed did not go through, and keeps the row as it is', async () => {
    const model = fakeModel();
    const loads: string[] = [];
    model.load = async () => void loads.push('load');
    const reject = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    model.setPaused = reject;
    model.refresh = reject;
    model.remove = reject;
    model.allow = reject;
    model.subscriptions.value = [
      { ...model.subscriptions.value[0]!, missingOrigins: ['https://participer.exemple.fr/*'] },
    ];
    const root = mount(model, 'fr');
    await vi.waitFor(() => expect(loads).toHaveLength(1));
    const row = () => root.querySelector('tr[data-feed-id="https://www.exemple.fr/feed.json"]')!;
    const button = (words: string) =>
      [...row().querySelectorAll('button')].find((b) => b.textContent?.startsWith(words))!;
    const said = () => root.querySelector('[data-refresh-result]')?.textContent;
    const alert = () => row().querySelector('[role="alert"]');
    for (const [words, failed] of [
      ['Suspendre', '«\u00a0Suspendre\u00a0» n’a pas abouti pour Ville d’Exemple.'],
      ['Actualiser', '«\u00a0Actualiser\u00a0» n’a pas abouti pour Ville d’Exemple.'],
      ['Retirer', '«\u00a0Retirer\u00a0» n’a pas abouti pour Ville d’Exemple.'],
      ['Autoriser', '«\u00a0Autoriser\u00a0» n’a pas abouti pour Ville d’Exemple.'],
    ] as const) {
      button(words).focus();
      button(words).click();
      await vi.waitFor(() => expect(alert()?.textContent).toContain(failed));
      expect(alert()?.textContent).toContain(
        'Réessayez. Raison\u00a0: Could not establish connection.',
      );
      expect(alert()?.querySelector('code[lang="en"]')).not.toBeNull();
      // Nothing said as done, the row still there with its button focused, the data read again.
      expect(said()).toBe('');
      expect(row().textContent).not.toContain('actualisé à l’instant');
      expect(document.activeElement).toBe(button(words));
    }
    expect(loads).toHaveLength(5);
    expect(row().querySelectorAll('[role="alert"]')).toHaveLength(1);
  });
  it('asks in the row, in French, before removing a feed whose commitments are followed, focus following', async () => {
    const model = fakeModel();
    const first = model.subscriptions.value[0]!;
    model.subscriptions.value = [{ ...first, followed: 3, questions: 1 }];
    const removed: string[] = [];
    model.remove = async (feedId) => {
      removed.push(feedId);
      model.subscriptions.value = [];
    };
    const root = mount(model, 'fr');
    const row = () => root.querySelector(`tr[data-feed-id="${first.feedId}"]`);
    const button = (words: string) =>
      [...(row()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === words)!;
    const ask = () => row()?.querySelector<HTMLElement>('[data-remove-ask]');
    button('Retirer').focus();
    button('Retirer').click();
    await vi.waitFor(() => expect(document.activeElement).toBe(ask()));
    expect(ask()?.textContent).toBe(
      'Retirer l’abonnement «\u00a0Ville d’Exemple\u00a0»\u00a0? Vous suivez 3 de ses engagements\u00a0: ils seront retirés de «\u00a0Mes engagements\u00a0». ' +
        'Votre question sur l’un de ses engagements reste dans «\u00a0Mes engagements\u00a0».',
    );
    const group = row()?.querySelector('[role="group"]');
    expect(document.getElementById(group!.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Retirer l’abonnement «\u00a0Ville d’Exemple\u00a0»\u00a0?',
    );
    expect(button('Retirer').getAttribute('aria-expanded')).toBe('true');
    expect(removed).toEqual([]);

    // Escape, then Annuler: nothing removed, focus back on the row's Retirer.
    ask()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(button('Retirer')));
    expect(ask()).toBeNull();
    button('Retirer').click();
    await vi.waitFor(() => expect(document.activeElement).toBe(ask()));
    button('Annuler').click();
    await vi.waitFor(() => expect(document.activeElement).toBe(button('Retirer')));
    expect(removed).toEqual([]);

    button('Retirer').click();
    await vi.waitFor(() => expect(ask()).not.toBeNull());
    button('Oui, retirer').focus();
    button('Oui, retirer').click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Abonnements'));
    expect(removed).toEqual([first.feedId]);
    expect(root.querySelector('[data-refresh-result]')?.textContent).toBe(
      'Abonnement retiré\u00a0: Ville d’Exemple',
    );
  });

  it('says that a removed feed’s questions stay, and asks nothing for a feed with nothing followed', async () => {
    const model = fakeModel();
    const first = model.subscriptions.value[0]!;
    model.subscriptions.value = [
      { ...first, questions: 2 },
      { ...first, feedId: 'b', url: 'b', name: 'B' },
    ];
    const removed: string[] = [];
    model.remove = async (feedId) => void removed.push(feedId);
    const root = mount(model, 'en');
    const removeButton = (feedId: string) =>
      root.querySelector<HTMLButtonElement>(`tr[data-feed-id="${feedId}"] [data-remove]`)!;
    removeButton(first.feedId).click();
    const ask = () => root.querySelector(`tr[data-feed-id="${first.feedId}"] [data-remove-ask]`);
    await vi.waitFor(() =>
      expect(ask()?.textContent).toBe(
        'Remove Ville d’Exemple? Your questions about 2 of its commitments stay in “My commitments”.',
      ),
    );
    expect(removed).toEqual([]);
    expect(removeButton('b').hasAttribute('aria-expanded')).toBe(false);
    removeButton('b').click();
    await vi.waitFor(() => expect(removed).toEqual(['b']));
    expect(root.querySelector('tr[data-feed-id="b"] [data-remove-ask]')).toBeNull();
  });

  it('words a feed refused as not JSON in French, without the parser’s English', () => {
    const issue = {
      path: '$',
      message:
        'the feed is not valid JSON: Unexpected token \'<\', "<!doctype "... is not valid JSON',
      code: 'not-json' as const,
    };
    const page = mount(
      fakeModel({ kind: 'refused', failure: { reason: 'refused', errors: [issue] } }),
      'fr',
    );
    expect(page.querySelector('[data-outcome="refused"]')?.textContent).toBe(
      'Ce flux n’a pas été ajouté\u00a0: le fichier est illisible (son JSON est incomplet ou mal formé).',
    );
    const model = fakeModel();
    const sub = model.subscriptions.value[0]!;
    model.subscriptions.value = [
      { ...sub, lastError: { ...sub.lastError!, reason: 'refused', errors: [issue] } },
    ];
    const row = mount(model, 'fr').querySelector('[data-feed-error]')?.textContent;
    expect(row).toContain(
      '\u00a0: le fichier est illisible (son JSON est incomplet ou mal formé). ',
    );
    expect(row).not.toContain('Unexpected');
  });

  it('says plainly that a pasted web page announces no feed, in the interface’s language', () => {
    const failure = { reason: 'web-page' as const, errors: [] };
    const fr = mount(fakeModel({ kind: 'refused', failure }), 'fr');
    expect(fr.querySelector('[data-outcome="refused"]')?.textContent).toBe(
      'Cette adresse est une page web qui n’annonce aucun flux d’engagements.',
    );
    const en = mount(fakeModel({ kind: 'refused', failure }), 'en');
    expect(en.querySelector('[data-outcome="refused"]')?.textContent).toBe(
      'This address is a web page that announces no commitments feed.',
    );
  });

  it('says which feed a pasted web page announced before saying it was subscribed to', () => {
    const found = 'http://127.0.0.1:8132/feeds/valfleurie.demo.json';
    const model = fakeModel({
      kind: 'added',
      name: 'Commune de Valfleurie',
      warnings: [],
      missingOrigins: [],
      found,
    });
    const said = mount(model, 'fr').querySelector('[data-outcome="added"]');
    expect(said?.textContent).toBe(
      `Cette page annonce le flux ${found}.Abonnement enregistré\u00a0: Commune de Valfleurie.`,
    );
  });

  it('says that a feed subscribed to again was there already, its name a link to its row', () => {
    const model = fakeModel({
      kind: 'added',
      name: 'Ville d’Exemple',
      warnings: [],
      missingOrigins: [],
      already: 'https://www.exemple.fr/feed.json',
    });
    const page = mount(model, 'fr');
    const said = page.querySelector('[data-outcome="added"]');
    expect(said?.textContent).toBe(
      'Ce flux est déjà dans vos abonnements (Ville d’Exemple)\u00a0: rien n’a été ajouté.',
    );
    const target = said?.querySelector('a')?.getAttribute('href')?.slice(1) ?? '';
    expect(document.getElementById(target)?.closest('tr')?.dataset['feedId']).toBe(
      'https://www.exemple.fr/feed.json',
    );
  });
  it('says first what the extension does, that it sends nobody the pages visited, and why the browser will ask', () => {
    const page = mount(fakeModel(), 'en');
    const first = page.querySelector('h1')?.nextElementSibling;
    expect(first?.textContent).toBe(
      'On the official pages that your feeds name, this extension shows how far each commitment has got and how to question the body in charge. ' +
        'The pages you visit are sent to nobody, and everything here stays in this browser.',
    );
    expect(page.querySelector('form')?.textContent).toContain(
      'Your browser will then ask you to let the extension read your data on the feed’s site',
    );
  });
  it('says that the extension, not the feed, failed when the background did not answer a subscription', () => {
    const page = mount(
      fakeModel({ kind: 'refused', failure: {}, detail: 'no answer to subscribe' }),
      'en',
    );
    expect(page.querySelector('[data-outcome="refused"]')?.textContent).toBe(
      'This feed was not added: the extension could not do it.no answer to subscribe',
    );
  });
});
