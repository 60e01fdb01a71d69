/**
 * Why a file is not a digest we can import. `line` is 1-based, or null when the whole file is
 * at fault (empty, binary). The message reads `name:line: what is wrong`, like a compiler's.
 */
export class DigestError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? `${fileName}: ${reason}` : `${fileName}:${line}: ${reason}`);
    this.name = 'DigestError';
  }
}

/** Shortens text quoted in a message, so a 5,000-character line does not flood it. */
export function quote(text: string, max = 60): string {
  const trimmed = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${trimmed}"`;
}
