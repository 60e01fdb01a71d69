import jun05 from '@/assets/sample-digests/hf-daily-papers-jun-05.txt?url';
import nov19 from '@/assets/sample-digests/hf-daily-papers-nov-19.txt?url';
import sep01 from '@/assets/sample-digests/hf-daily-papers-sep-01.txt?url';
import type { ImportSource } from '@/lib/import/client';

/** The three real digests shipped with the extension, so a new user sees it work at once. */
const SAMPLES: Array<[name: string, url: string]> = [
  ['hf-daily-papers-sep-01.txt', sep01],
  ['hf-daily-papers-jun-05.txt', jun05],
  ['hf-daily-papers-nov-19.txt', nov19],
];

/** Reads the bundled files from the extension's own package (no network involved). */
export async function loadSampleDigests(): Promise<ImportSource[]> {
  return Promise.all(
    SAMPLES.map(async ([name, url]) => {
      const buffer = await (await fetch(url)).arrayBuffer();
      return { name, size: buffer.byteLength, arrayBuffer: async () => buffer };
    }),
  );
}
