import { useEffect, useRef, useState } from 'react';
import {
  BackupError,
  backupFileName,
  backupJson,
  describeRestore,
  downloadFile,
  exportBackup,
  exportNotesMarkdown,
  exportQueueBibtex,
  localDay,
  makeZip,
  parseBackupText,
  restoreBackup,
} from '@/lib/backup';
import { db } from '@/lib/db/instance';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

type Result = { ok: true; text: string } | { ok: false; text: string };

function message(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

type Persistence = 'checking' | 'granted' | 'not-granted' | 'unavailable';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  checking: 'checking…',
  granted: 'granted',
  'not-granted': 'not granted (the browser may clear data under storage pressure)',
  unavailable: 'not available in this browser',
};

/** Whether the browser keeps this extension's data under storage pressure, and a way to ask. */
function PersistentStorage() {
  const [state, setState] = useState<Persistence>('checking');
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    let live = true;
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persisted) {
      setState('unavailable');
      return;
    }
    storage.persisted().then(
      (granted) => live && setState(granted ? 'granted' : 'not-granted'),
      () => live && setState('unavailable'),
    );
    return () => {
      live = false;
    };
  }, []);

  const ask = async () => {
    setAsked(true);
    try {
      setState((await navigator.storage.persist()) ? 'granted' : 'not-granted');
    } catch {
      setState('unavailable');
    }
  };

  return (
    <p>
      Persistent storage:{' '}
      <span data-testid="storage-persist-status" data-state={state}>
        {PERSISTENCE_TEXT[state]}
      </span>
      {state === 'not-granted' && (
        <>
          {' '}
          <button type="button" onClick={ask}>
            Ask for persistent storage
          </button>
          {asked && <span className="muted"> The browser said no; it may grant it later, e.g. once the extension is used more.</span>}
        </>
      )}
    </p>
  );
}

/** Backup and exports for the Library page: everything as JSON and back, notes as Markdown, the queue as BibTeX. */
export function BackupPanel() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setResult({ ok: true, text: await action() });
    } catch (error) {
      setResult({ ok: false, text: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportAll = () =>
    run(async () => {
      const now = new Date();
      const doc = await exportBackup(db, now);
      downloadFile(backupFileName(now), backupJson(doc), 'application/json');
      return `Exported ${plural(doc.papers.length, 'paper')}, ${plural(doc.digests.length, 'digest')}, ${plural(doc.notes.length, 'note')}, ${plural(doc.queue.length, 'queue item')}.`;
    });

  const restore = (file: File) =>
    run(async () => {
      try {
        return describeRestore(await restoreBackup(db, parseBackupText(await file.text())));
      } catch (error) {
        // Every refusal names the file it is about (the position, when there is one, is in the message).
        throw new BackupError(`${file.name}: ${message(error)}`, { cause: error });
      }
    });

  const exportMarkdown = () =>
    run(async () => {
      const now = new Date();
      const files = await exportNotesMarkdown(db);
      if (files.length === 0) return 'No notes to export.';
      const zip = makeZip(
        files.map((f) => ({ name: f.fileName, data: f.content })),
        now,
      );
      downloadFile(`digestlens-notes-${localDay(now)}.zip`, zip, 'application/zip');
      return `Exported ${plural(files.length, 'note')} as Markdown files in one ZIP.`;
    });

  const exportBibtex = () =>
    run(async () => {
      const now = new Date();
      const bib = await exportQueueBibtex(db);
      if (bib.entries === 0) return 'The queue is empty.';
      downloadFile(`digestlens-queue-${localDay(now)}.bib`, bib.content, 'application/x-bibtex');
      const incomplete = bib.incomplete
        ? `; ${plural(bib.incomplete, 'entry', 'entries')} lack an arXiv id or authors (marked with a % line)`
        : '';
      return `Exported ${plural(bib.entries, 'paper')} as BibTeX${incomplete}.`;
    });

  return (
    <section className="panel" data-testid="backup-panel">
      <h2>Backup</h2>
      <p className="muted">
        Everything stays on this computer. A backup holds your digests, notes (with earlier texts), queue and settings; restoring it adds
        what is missing and never overwrites a note without keeping the other text.
      </p>
      <div className="confirm">
        <button type="button" data-testid="backup-export" onClick={exportAll} disabled={busy}>
          Export backup
        </button>
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>
          Restore from backup…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="backup-restore-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void restore(file);
          }}
        />
        <button type="button" data-testid="backup-export-markdown" onClick={exportMarkdown} disabled={busy}>
          Export notes as Markdown
        </button>
        <button type="button" data-testid="backup-export-bibtex" onClick={exportBibtex} disabled={busy}>
          Export queue as BibTeX
        </button>
      </div>
      {result && (
        <p className={`outcome ${result.ok ? 'ok' : 'error'}`} data-testid="backup-result" data-ok={result.ok}>
          {result.text}
        </p>
      )}
      <PersistentStorage />
    </section>
  );
}
