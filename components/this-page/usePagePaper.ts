import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { paperOfTab } from '@/lib/commands/tab-paper';
import type { SeenPaper } from '@/lib/identity/seen-paper';

export type PageInfo = { state: 'loading' } | { state: 'none' } | { state: 'paper'; paper: SeenPaper; url: string };

/** The paper of the active tab (lib/commands/tab-paper.ts: asked of its content script, else read from its URL). */
export function usePagePaper(): PageInfo {
  const [info, setInfo] = useState<PageInfo>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const paper = tab ? await paperOfTab(tab) : null;
      if (!cancelled) setInfo(paper && tab?.url ? { state: 'paper', paper, url: tab.url } : { state: 'none' });
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return info;
}
