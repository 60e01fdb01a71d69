import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestContentId, normalisedDigestText } from '@/lib/db/content-id';

/** The normalisation as first written, line by line: what every stored digest's id was computed from. */
function lineByLine(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

describe('the digest content id', () => {
  it('normalises exactly as line by line, on text made of the characters that matter (property)', () => {
    const char = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\uFEFF', '\u2028', '\u00a0', '\u3000');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(normalisedDigestText(text)).toBe(lineByLine(text));
      }),
      { numRuns: 5000, seed: 2026 },
    );
  });

  it('is one id for the same page saved with Windows line ends, a byte-order mark and trailing spaces', async () => {
    const unix = 'Daily Papers\n\nA title\nAn abstract.\n';
    expect(await digestContentId('\uFEFFDaily Papers  \r\n\r\nA title\t\r\nAn abstract.\r\n')).toBe(await digestContentId(unix));
    expect(await digestContentId(unix)).toMatch(/^[0-9a-f]{64}$/);
  });
});
