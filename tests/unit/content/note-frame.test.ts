// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountNoteFrame, NOTE_FRAME_HEIGHT_PX } from '@/lib/content/features/note-frame';

const PAPER = { title: 'Attention Is All You Need', arxivId: '1706.03762', url: 'https://arxiv.org/abs/1706.03762' };
let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('note-frame-test');
  document.body.innerHTML = '<div id="abs"><blockquote class="abstract">We propose…</blockquote><div id="next">Comments</div></div>';
});
afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
});

describe('the note editor frame on a paper page', () => {
  it('puts an iframe of the extension page right after the anchor, naming only the paper', async () => {
    const anchor = document.querySelector('.abstract') as Element;
    await mountNoteFrame(ctx, anchor, PAPER);
    const wrapper = anchor.nextElementSibling as HTMLElement;
    // Nothing of DigestLens's in the page's own DOM but the frame itself (issue 9: the page is hostile).
    expect(Object.keys(wrapper.dataset)).toEqual([]);
    expect(wrapper.nextElementSibling?.id).toBe('next');
    const iframe = wrapper.querySelector('iframe') as HTMLIFrameElement;
    const src = new URL(iframe.src);
    expect(src.pathname).toBe('/note-editor.html');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      title: 'Attention Is All You Need',
      arxivId: '1706.03762',
      url: 'https://arxiv.org/abs/1706.03762',
      theme: 'light',
    });
    expect(iframe.style.getPropertyValue('height')).toBe(`${NOTE_FRAME_HEIGHT_PX}px`);
    expect(iframe.style.getPropertyPriority('height')).toBe('important');
    expect(iframe.style.getPropertyValue('width')).toBe('100%');
    expect(iframe.title).toBe('DigestLens: your private note on this paper');
  });

  it('is gone after remove(), and when the extension context is invalidated', async () => {
    const anchor = document.querySelector('.abstract') as Element;
    const ui = await mountNoteFrame(ctx, anchor, PAPER);
    ui.remove();
    expect(document.querySelector('iframe')).toBeNull();
    await mountNoteFrame(ctx, anchor, PAPER);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    ctx.abort();
    expect(document.querySelector('iframe')).toBeNull();
  });
});
