import { type Zippable, zipSync } from 'fflate';

/**
 * The notes export as one ZIP (fflate): files stored uncompressed, as the hand-written writer
 * this replaces did (notes are small; STORE keeps the archive readable by anything), with the
 * modification time given, so the same notes at the same time make the same bytes. fflate marks
 * a name as UTF-8 (flag bit 11) when it is not plain ASCII.
 */

export interface ZipInput {
  name: string;
  data: string | Uint8Array;
}

/**
 * "Made by" Unix, with a plain file's mode (rw-r--r--) as external attributes. Made by MS-DOS
 * (0), Info-ZIP unzip 6.0 reads names as code page 437 despite the UTF-8 flag, and garbles every
 * non-ASCII file name (seen with Debian's unzip 6.0, 2026-11).
 */
const MADE_BY_UNIX = 3;
const FILE_MODE = (0o100644 << 16) >>> 0;
const LIMIT = 0xffffffff;

/** The archive's bytes. Throws on what would need ZIP64 (65535 files, 4 GiB), which fflate does not write. */
export function makeZip(files: ZipInput[], modified = new Date()): Uint8Array<ArrayBuffer> {
  if (files.length > 0xffff) throw new Error('too many files for a ZIP without ZIP64');
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  let total = 0;
  for (const file of files) {
    if (Object.hasOwn(entries, file.name)) throw new Error(`two files named ${file.name}`);
    const data = typeof file.data === 'string' ? encoder.encode(file.data) : file.data;
    total += 76 + 2 * encoder.encode(file.name).length + data.length;
    if (total >= LIMIT) throw new Error('archive too large for a ZIP without ZIP64');
    // An object keeps insertion order except for array-index keys ("12"), which would come first;
    // every name the exports make ends in an extension.
    entries[file.name] = [data, { level: 0, mtime: modified, os: MADE_BY_UNIX, attrs: FILE_MODE }];
  }
  return zipSync(entries) as Uint8Array<ArrayBuffer>;
}
