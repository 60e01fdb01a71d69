import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { placeholderTitle } from '@/lib/db';
import { type SeenPaper, seenPaper } from '@/lib/identity/seen-paper';
import { askTab } from '@/lib/messaging/clients';
import { arxivIdFromUrl, isSupportedPage } from '@/lib/sites';

/** The content script answers from the page it has read: a popup should not wait long for it. */
const PAGE_PAPER_TIMEOUT_MS = 3000;

export type PageInfo = { state: 'loading' } | { state: 'none' } | { state: 'paper'; paper: SeenPaper; url: string };

/**
 * The paper of the active tab: asked of the tab's content script (it has read the page), else
 * read from the URL alone, which is all there is for an arXiv PDF (the viewer runs no content
 * script and shows no title).
 */
export function usePagePaper(): PageInfo {
  const [info, setInfo] = useState<PageInfo>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const url = tab?.url;
      if (!url || tab.id === undefined || !isSupportedPage(url)) return setInfo({ state: 'none' });
      let answer: SeenPaper | null = null;
      try {
        answer = await askTab(tab.id, PAGE_PAPER_TIMEOUT_MS)({ type: 'page-paper' });
      } catch {
        // No content script there (a PDF, or a tab opened before DigestLens was installed).
      }
      const arxivId = arxivIdFromUrl(new URL(url));
      const paper = answer ?? (arxivId ? seenPaper({ title: placeholderTitle(arxivId), arxivId, url }) : null);
      if (!cancelled) setInfo(paper ? { state: 'paper', paper, url } : { state: 'none' });
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return info;
}
