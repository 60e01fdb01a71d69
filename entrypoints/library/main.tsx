import { createRoot } from 'react-dom/client';
import { AppTabs } from '@/components/app/AppTabs';
import { BackupPanel } from '@/components/backup/BackupPanel';
import { Library } from '@/components/library/Library';
import { NotesView } from '@/components/notes/NotesView';
import { QueueTabLabel } from '@/components/queue/QueueTabLabel';
import { QueueView } from '@/components/queue/QueueView';
import { KeyboardWalkSetting } from '@/components/settings/KeyboardWalkSetting';
import '@/components/app/app.css';

function LibraryPage() {
  return (
    <main className="app page">
      <div className="topbar">
        <h1>DigestLens Library</h1>
      </div>
      <AppTabs
        initial="library"
        tabs={[
          { id: 'library', label: 'Library', render: () => <Library /> },
          { id: 'queue', label: <QueueTabLabel />, render: () => <QueueView /> },
          { id: 'notes', label: 'Notes', render: () => <NotesView /> },
          {
            id: 'backup',
            label: 'Backup & settings',
            render: () => (
              <>
                <BackupPanel />
                <KeyboardWalkSetting />
              </>
            ),
          },
        ]}
      />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<LibraryPage />);
