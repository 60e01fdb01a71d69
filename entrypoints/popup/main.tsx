import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Library } from '@/components/Library';

/** Firefox closes a popup when a file dialog opens, so the Library is also a full page. */
function openLibraryTab() {
  void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
  window.close();
}

function Popup() {
  return (
    <main className="app popup">
      <div className="topbar">
        <h1>DigestLens</h1>
        <button type="button" className="quiet" data-testid="open-library" onClick={openLibraryTab}>
          Open Library in a tab ↗
        </button>
      </div>
      <Library />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
