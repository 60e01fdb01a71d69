import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { AppTabs } from '@/components/app/AppTabs';
import { Library } from '@/components/library/Library';
import { openLibraryTab } from '@/components/library/open-library-tab';
import { QueueTabLabel } from '@/components/queue/QueueTabLabel';
import { QueueView } from '@/components/queue/QueueView';
import { ThisPageView } from '@/components/this-page/ThisPageView';
import '@/components/app/app.css';
import { isCapturablePage } from '@/lib/digest/page-digests';
import { POPUP_CAN_OPEN_FILE_DIALOG } from '@/lib/platform/popup-file-dialog';
import { isSupportedPage, showsOnePaper } from '@/lib/sites';

/** This page first when the active tab shows a paper (the popup asks it) or a page to capture, else the Library. */
async function initialTab(): Promise<string> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const url = tab?.url && URL.canParse(tab.url) ? new URL(tab.url) : null;
  return url && isSupportedPage(url) && (showsOnePaper(url) || isCapturablePage(url)) ? 'page' : 'library';
}

function Popup({ initial }: { initial: string }) {
  return (
    <main className="app popup">
      <div className="topbar">
        <h1>DigestLens</h1>
        <button type="button" className="quiet" data-testid="open-library" onClick={openLibraryTab}>
          Open Library in a tab ↗
        </button>
      </div>
      <AppTabs
        initial={initial}
        tabs={[
          { id: 'page', label: 'This page', render: () => <ThisPageView /> },
          { id: 'queue', label: <QueueTabLabel />, render: () => <QueueView /> },
          { id: 'library', label: 'Library', render: () => <Library filesFrom={POPUP_CAN_OPEN_FILE_DIALOG ? 'dialog' : 'library-tab'} /> },
        ]}
      />
    </main>
  );
}

const root = document.getElementById('root');
if (root) void initialTab().then((initial) => createRoot(root).render(<Popup initial={initial} />));
