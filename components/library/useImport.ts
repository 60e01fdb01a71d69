import { useCallback, useState } from 'react';
import { type ImportSource, importFiles } from '@/lib/import/client';
import type { FileOutcome } from '@/lib/messaging/protocol/page-to-background';

export interface ImportRun {
  names: string[];
  /** One slot per file, filled as its outcome arrives. */
  outcomes: Array<FileOutcome | null>;
  done: number;
  running: boolean;
}

/** Imports files through the background worker and keeps the per-file outcomes for display. */
export function useImport() {
  const [run, setRun] = useState<ImportRun | null>(null);

  const start = useCallback(async (files: ImportSource[]) => {
    if (files.length === 0) return;
    setRun({ names: files.map((f) => f.name), outcomes: files.map(() => null), done: 0, running: true });
    await importFiles(files, (index, outcome) => {
      setRun((current) => {
        if (!current) return current;
        const outcomes = current.outcomes.slice();
        outcomes[index] = outcome;
        return { ...current, outcomes, done: current.done + 1 };
      });
    });
    setRun((current) => current && { ...current, running: false });
  }, []);

  return { run, start };
}
