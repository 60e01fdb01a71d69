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

/**
 * What the parsers throw: what is wrong at a line of the text (1-based), or in the whole text
 * (null). They see only the text; `inFile` names the file, once, for every parser.
 */
export class DigestLineError extends Error {
  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
    this.name = 'DigestLineError';
  }
}

/** Runs `read` on a file's content; a DigestLineError it throws becomes a DigestError naming the file. */
export function inFile<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DigestLineError) throw new DigestError(fileName, error.line, error.reason);
    throw error;
  }
}

/** Shortens text quoted in a message, so a 5,000-character line does not flood it. */
export function quote(text: string, max = 60): string {
  const trimmed = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${trimmed}"`;
}
