/**
 * The typed way for pages and the content script to ask the background something.
 */
import { browser } from 'wxt/browser';
import type { Reply, Request, Responses } from './protocol.ts';

/** Sends `request` and returns the background's answer, or throws with its reason. */
export async function ask<T extends Request>(request: T): Promise<Responses[T['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as
    Reply<Responses[T['type']]> | undefined;
  if (!reply) throw new Error(`no answer to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
