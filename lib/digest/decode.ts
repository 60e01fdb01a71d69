import { DigestLineError, inFile } from './errors';

/** Digests are a few hundred kilobytes; anything this large is not one, and would stall the popup. */
export const MAX_DIGEST_BYTES = 16 * 1024 * 1024;

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word/Office file)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Turns a file's bytes into text, refusing what is not UTF-8 text with a message that names the
 * file and says what it is instead. A UTF-8 byte-order mark is dropped.
 */
export function decodeDigestBytes(fileName: string, bytes: Uint8Array): string {
  return inFile(fileName, () => decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_DIGEST_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new DigestLineError(null, `the file is ${mb} MB; digests are at most ${MAX_DIGEST_BYTES / 1024 / 1024} MB`);
  }
  if (bytes.length === 0) throw new DigestLineError(null, 'the file is empty');
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) throw new DigestLineError(null, `this is ${known.what}, not a digest saved as text`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new DigestLineError(null, 'the file is UTF-16 text; save the digest as UTF-8 and import it again');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DigestLineError(lineOfFirstInvalidByte(bytes), 'the file is not valid UTF-8 text (is it a binary file?)');
  }
  return checkText(text);
}

/** Checks that apply to text however it arrived (a file, or text already decoded by the popup). */
export function checkText(text: string): string {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (withoutBom.trim() === '') {
    throw new DigestLineError(null, withoutBom === '' ? 'the file is empty' : 'the file holds only white space');
  }
  // NUL and other C0 controls (tab, CR, LF, form feed aside) mean binary data, not a saved page.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = withoutBom.search(/[\u0000-\u0008\u000e-\u001f\u007f]/);
  if (control !== -1) {
    const line = withoutBom.slice(0, control).split('\n').length;
    const code = withoutBom.charCodeAt(control).toString(16).padStart(4, '0');
    throw new DigestLineError(line, `control character U+${code.toUpperCase()} in the text (is it a binary file?)`);
  }
  return withoutBom;
}

/** Decodes line by line to find the first line that is not UTF-8. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    start = i + 1;
    line++;
  }
  return line;
}
