import { createRoot } from 'react-dom/client';
import { Library } from '@/components/Library';

function LibraryPage() {
  return (
    <main className="app page">
      <div className="topbar">
        <h1>DigestLens Library</h1>
      </div>
      <Library />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<LibraryPage />);
