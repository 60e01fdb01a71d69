/**
 * A digest's id: the SHA-256 of its text with line ends, a byte-order mark and trailing spaces
 * normalised, so the same page saved on Windows and on Linux is one digest, imported once.
 */
export async function digestContentId(text: string): Promise<string> {
  const normalised = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}
