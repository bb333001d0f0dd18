/**
 * Chromium driven over the DevTools protocol without instrumenting its pages, for measuring a page
 * load as a visitor's browser does it. Playwright enables the network domain on every page it
 * drives, and Chromium then decodes each response body for the inspector on the page's main
 * thread: for a 6.7 MB feed that is a task of 20–90 ms that no visitor's browser runs. Here the
 * browser is traced from its own session and pages are opened without attaching to them; a page
 * reports what it needs to through its title.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumFlags, chromiumPath } from '../e2e/support/browser.ts';
import type { TraceEvent } from './trace.ts';

/** A protocol message from the browser: an answer (`id`) or an event (`method`). */
interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

/** A headless Chromium spoken to over a pipe (`--remote-debugging-pipe`). */
export interface BareChromium {
  /** Sends a browser-level command and returns its result; rejects with the browser's error. */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The events of every main-thread and other thread while `action` runs. */
  trace(categories: readonly string[], action: () => Promise<void>): Promise<TraceEvent[]>;
  /**
   * Opens `url` in a new tab of `context` (a browser context id) and waits until the page's
   * title starts with `prefix`; returns the tab's id and that title.
   */
  open(
    context: string,
    url: string,
    prefix: string,
    timeoutMs?: number,
  ): Promise<{ readonly targetId: string; readonly title: string }>;
  close(): Promise<void>;
}

export async function launchBareChromium(): Promise<BareChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'oc-bare-'));
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      ...chromiumFlags,
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (m: Message) => void }>();
  const listeners = new Set<(m: Message) => void>();
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    // Messages end with a NUL character.
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        waiting.get(message.id)?.resolve(message);
        waiting.delete(message.id);
      } else for (const listener of listeners) listener(message);
    }
  });

  const send = async (
    method: string,
    params: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> => {
    nextId += 1;
    const id = nextId;
    const answer = new Promise<Message>((resolve) => waiting.set(id, { resolve }));
    toBrowser.write(`${JSON.stringify({ id, method, params })}\0`);
    const message = await answer;
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result ?? {};
  };

  return {
    send,
    async trace(categories, action) {
      const events: TraceEvent[] = [];
      let complete!: () => void;
      const completed = new Promise<void>((resolve) => (complete = resolve));
      const listener = (message: Message): void => {
        if (message.method === 'Tracing.dataCollected')
          events.push(...(message.params?.['value'] as TraceEvent[]));
        if (message.method === 'Tracing.tracingComplete') complete();
      };
      listeners.add(listener);
      await send('Tracing.start', {
        traceConfig: { includedCategories: categories },
        transferMode: 'ReportEvents',
      });
      try {
        await action();
      } finally {
        await send('Tracing.end');
        await completed;
        listeners.delete(listener);
      }
      return events;
    },
    async open(context, url, prefix, timeoutMs = 30_000) {
      const { targetId } = await send('Target.createTarget', {
        url,
        browserContextId: context,
        width: 1200,
        height: 900,
      });
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const { targetInfos } = (await send('Target.getTargets')) as {
          targetInfos: { targetId: string; title: string }[];
        };
        const title = targetInfos.find((info) => info.targetId === targetId)?.title ?? '';
        if (title.startsWith(prefix)) return { targetId: targetId as string, title };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`${url}: no title starting with "${prefix}" within ${timeoutMs} ms`);
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
