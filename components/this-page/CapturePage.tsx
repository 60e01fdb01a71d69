import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isCapturablePage } from '@/lib/digest/page-digests';
import { askTab } from '@/lib/messaging/clients';
import type { PopupResponses } from '@/lib/messaging/protocol/popup-to-content';
import { isSupportedPage } from '@/lib/sites';

/** A capture stores a page of up to 2,000 papers: give the tab's content script time. */
const CAPTURE_TIMEOUT_MS = 30_000;

type Capture = PopupResponses['capture-page'];

/** The active tab, when it shows a page the one-click capture takes. */
function useCapturableTab(): { id: number; url: string } | null {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
      const url = active?.url;
      if (url && active.id !== undefined && isSupportedPage(url) && isCapturablePage(new URL(url))) setTab({ id: active.id, url });
    });
  }, []);
  return tab;
}

/**
 * "Add this page to my digests" for the active tab (Hugging Face daily/weekly/monthly papers,
 * arXiv /new, /recent, /pastweek): the tab's content script reads its own page and stores it the
 * way a file is imported; the answer is the import's line.
 */
export function CapturePage() {
  const tab = useCapturableTab();
  const [state, setState] = useState<'idle' | 'busy' | Capture>('idle');
  if (!tab) return null;
  const capture = async () => {
    setState('busy');
    try {
      setState(await askTab(tab.id, CAPTURE_TIMEOUT_MS)({ type: 'capture-page' }));
    } catch {
      setState({ ok: false, error: 'DigestLens is not running in this tab yet: reload the page and try again' });
    }
  };
  return (
    <section className="panel" data-testid="capture-page">
      <h2>Today's digest from this page</h2>
      <button type="button" data-testid="capture-page-button" disabled={state === 'busy'} onClick={() => void capture()}>
        + Add this page to my digests
      </button>
      {typeof state === 'object' && (
        <p className={state.ok ? 'muted' : 'error'} data-testid="capture-page-result" data-ok={state.ok}>
          {state.ok ? state.text : state.error}
        </p>
      )}
    </section>
  );
}
