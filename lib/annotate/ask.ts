import { browser } from 'wxt/browser';
import type { ContentRequest, ContentResponses, Envelope } from '../messaging/protocol';

/** Sends one typed request to the background and unwraps its envelope (throws on `ok: false`). */
export async function ask<R extends ContentRequest>(request: R): Promise<ContentResponses[R['type']]> {
  const answer = (await browser.runtime.sendMessage(request)) as Envelope<ContentResponses[R['type']]> | undefined;
  if (!answer) throw new Error(`DigestLens: no answer to ${request.type}`);
  if (!answer.ok) throw new Error(`DigestLens: ${request.type} failed: ${answer.error}`);
  return answer.value;
}
