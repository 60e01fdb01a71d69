import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and `../shared` beside it (the read-only digests, fixtures and dataset). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');

export const DIGEST_FILES = {
  sep01: 'hf-daily-papers-sep-01.txt',
  jun05: 'hf-daily-papers-jun-05.txt',
  nov19: 'hf-daily-papers-nov-19.txt',
} as const;

export function digestPath(name: string): string {
  return join(SHARED, 'digests', name);
}

export function readDigest(name: string): string {
  return readFileSync(digestPath(name), 'utf8');
}
