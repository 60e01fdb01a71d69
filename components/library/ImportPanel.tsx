import { type DragEvent, useRef, useState } from 'react';
import { importResultLines } from '@/lib/import/result-line';
import type { FileOutcome } from '@/lib/messaging/protocol/page-to-background';
import { openLibraryTab } from './open-library-tab';
import { loadSampleDigests } from './sample-digests';
import { type ImportRun, useImport } from './useImport';

function OutcomeLine({ name, outcome }: { name: string; outcome: FileOutcome | null }) {
  if (!outcome) return <li className="outcome pending">{name}: waiting…</li>;
  if (!outcome.ok) {
    return (
      <li className="outcome error" data-testid="import-result" data-ok="false">
        {outcome.error}
      </li>
    );
  }
  // A file featured on several days has one line per day; it counts as imported when any day was new.
  const { text, added } = importResultLines(outcome.value);
  return (
    <li className="outcome ok" data-testid="import-result" data-ok="true" data-status={added ? 'imported' : 'already-imported'}>
      <strong>{name}</strong> {text}
    </li>
  );
}

function Progress({ run }: { run: ImportRun }) {
  const added = run.outcomes.reduce((sum, o) => sum + (o?.ok ? o.value.reduce((n, r) => n + r.newPapers, 0) : 0), 0);
  const failed = run.outcomes.filter((o) => o && !o.ok).length;
  return (
    <div className="progress" data-testid="import-progress" data-running={run.running}>
      <progress value={run.done} max={run.names.length} />
      <span>
        {run.running
          ? `Importing ${run.done} of ${run.names.length} files…`
          : `Imported ${run.names.length - failed} of ${run.names.length} files`}
        {` · ${added} new papers`}
        {failed > 0 && ` · ${failed} refused`}
      </span>
    </div>
  );
}

/**
 * Where the files to import are chosen: a file dialog here, or (in a popup that a file dialog
 * would close: lib/platform/popup-file-dialog.ts) the Library page in a tab.
 */
export type FilesFrom = 'dialog' | 'library-tab';

/** After the sample import: what to do next, so a newcomer sees DigestLens work on the sites themselves. */
function NextSteps() {
  return (
    <div className="next-steps" data-testid="next-steps">
      <strong>Next:</strong> open today's{' '}
      <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
        Hugging Face Daily Papers
      </a>{' '}
      or an arXiv listing such as{' '}
      <a href="https://arxiv.org/list/cs.LG/new" target="_blank" rel="noreferrer">
        cs.LG/new
      </a>{' '}
      and click <em>+ Add this page to my digests</em> (on the page, or here under <em>This page</em>). Every listing and search page then
      shows how many of its papers are in your digests ("3 of 200 here are in your digests"); press <kbd>?</kbd> there for the keys (
      <kbd>j</kbd>/<kbd>k</kbd> walk the papers, <kbd>q</kbd> queues, <kbd>n</kbd> opens your note).
    </div>
  );
}

/** File picker, drop zone and the per-file results of the last import. */
export function ImportPanel({ empty, filesFrom = 'dialog' }: { empty: boolean; filesFrom?: FilesFrom }) {
  const { run, start } = useImport();
  const [dragging, setDragging] = useState(false);
  const [fromSamples, setFromSamples] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // One import at a time: a second one would interleave with the first's results.
  const busy = run?.running ?? false;
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) void start([...event.dataTransfer.files]);
  };

  return (
    <section className="panel">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target only; the button inside is the keyboard path */}
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>Drop digest files here, or</span>
        {filesFrom === 'library-tab' ? (
          <button
            type="button"
            data-testid="import-in-library-tab"
            title="This browser closes the popup when a file dialog opens"
            onClick={openLibraryTab}
          >
            Choose files in the Library tab ↗
          </button>
        ) : (
          <>
            <button type="button" onClick={() => input.current?.click()} disabled={busy}>
              Choose files…
            </button>
            <input
              ref={input}
              type="file"
              multiple
              accept=".txt,.json,.xml,.atom,.html,.htm,text/plain,text/html,application/json"
              hidden
              disabled={busy}
              data-testid="file-input"
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                e.currentTarget.value = '';
                void start(files);
              }}
            />
          </>
        )}
      </div>
      {empty && !run && (
        <p className="empty">
          No digests yet. Save a Hugging Face Daily Papers page as text and import it, or{' '}
          <button
            type="button"
            className="link"
            data-testid="import-samples"
            onClick={async () => {
              setFromSamples(true);
              await start(await loadSampleDigests());
            }}
          >
            import the three sample digests
          </button>
          .
        </p>
      )}
      {run && (
        <>
          <Progress run={run} />
          <ul className="outcomes">
            {run.names.map((name, i) => (
              // Files may share a name (two folders); the index is their identity in this run.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for the run
              <OutcomeLine key={i} name={name} outcome={run.outcomes[i] ?? null} />
            ))}
          </ul>
        </>
      )}
      {fromSamples && run && !run.running && <NextSteps />}
    </section>
  );
}
