/** Names for the files a backup writes: safe on every common file system, and unique in a set. */

const MAX_SLUG = 80;

/** Names Windows reserves whatever the extension (`con.md` cannot be created there). */
const RESERVED = new Set(['con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])]);

/** The local calendar day of `now`, `YYYY-MM-DD`: the day the user sees on their clock. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `digestlens-backup-2026-11-22.json`. */
export function backupFileName(now = new Date()): string {
  return `digestlens-backup-${localDay(now)}.json`;
}

/**
 * A title as a file-name stem: accents dropped, lowercase letters and digits (any script) joined
 * by `-`, at most 80 characters, cut at a word boundary. `''` when nothing is left.
 */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let result = '';
  for (const word of words) {
    const next = result ? `${result}-${word}` : word;
    if (next.length > MAX_SLUG) return result || word.slice(0, MAX_SLUG);
    result = next;
  }
  return result;
}

/** An arXiv id as part of a file name: `hep-th/9901001` → `hep-th_9901001`. */
export function arxivIdForFileName(arxivId: string): string {
  return arxivId.replace(/[^A-Za-z0-9.-]/g, '_');
}

/**
 * Hands out file names, adding `-2`, `-3`… to a stem already given. Compared without case, since
 * macOS and Windows file systems (and so the unzipped folder) do not tell `A.md` from `a.md`.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  take(stem: string, extension: string): string {
    const base = RESERVED.has(stem.toLowerCase()) ? `${stem}-file` : stem;
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? base : `${base}-${n}`}${extension}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}
