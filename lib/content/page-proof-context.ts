import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's content-script context stops itself when a document event named
 * `<extension id>:<script>:wxt:content-script-started` arrives from another script: meant for a
 * newer copy of the script after an update, but any page script can dispatch that event, and the
 * extension id is public. A page could switch DigestLens off that way: every badge, the panel and
 * the note go (issue 9). Chromium never injects a newer copy into an open page after an update, so
 * the event is stopped before it reaches WXT's listener on `document`: a capture listener on
 * `window` runs first, whatever node the event is dispatched on. (WXT's postMessage of the same
 * name, which tells the page the id, is off too: `noScriptStartedPostMessage` in the entrypoints.)
 */
export function ignoreStartedEventsFromThePage(ctx: ContentScriptContext): void {
  // `ctx.addEventListener` gives a `wxt:` name the same extension- and script-specific prefix WXT's own listener uses.
  const started = 'wxt:content-script-started' as Parameters<ContentScriptContext['addEventListener']>[1];
  ctx.addEventListener(window, started, (event: Event) => event.stopImmediatePropagation(), { capture: true });
}
