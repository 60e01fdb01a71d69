import { describe, expect, it } from 'vitest';
import { parseDigestBytes, parseDigestText } from '@/lib/digest';
import { readHtml } from '../../support/html';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { refusal } from '../../support/refusal';

const TODAY = new Date('2026-11-22T12:00:00Z');

function parseFile(name: string) {
  return parseDigestText(name, readDigest(name), TODAY);
}

describe('the Hugging Face Daily Papers text parser on the real digests', () => {
  it('reads 29 papers from the Sep 1 digest, none with a metadata block', () => {
    const digest = parseFile(DIGEST_FILES.sep01);
    expect(digest.digestDate).toEqual({ raw: 'Sep 1', iso: '2026-09-01' });
    expect(digest.papers).toHaveLength(29);
    expect(digest.papers.filter((p) => p.published !== null)).toHaveLength(0);
    expect(digest.papers[0]?.title).toBe('DisCO: Reinforcing Large Reasoning Models with Discriminative Constrained Optimization');
    expect(digest.papers[0]?.abstract.startsWith('The recent success and openness of DeepSeek-R1')).toBe(true);
    expect(digest.papers[0]?.line).toBe(13);
  });

  it('reads 34 papers from the Jun 5 digest with authors and dates, with and without a year', () => {
    const digest = parseFile(DIGEST_FILES.jun05);
    expect(digest.digestDate.iso).toBe('2026-06-05');
    expect(digest.papers).toHaveLength(34);
    const [first, second] = digest.papers;
    expect(first).toMatchObject({
      title: 'Riemannian Flow Matching for Disentangled Graph Domain Adaptation',
      authors: 5,
      organization: null,
      published: { raw: 'Jan 31', iso: '2026-01-31' },
      upvotes: 0,
    });
    expect(second?.published).toEqual({ raw: 'Apr 29, 2025', iso: '2025-04-29' });
  });

  it('reads 66 papers from the Nov 19 digest, 4 without metadata, with upvote counts', () => {
    const digest = parseFile(DIGEST_FILES.nov19);
    expect(digest.papers).toHaveLength(66);
    expect(digest.papers.filter((p) => p.published === null)).toHaveLength(4);
    expect(digest.papers[1]?.title).toBe('simple-idealized-1d-nlse: Pseudo-Spectral Solver for the 1D Nonlinear Schrödinger Equation');
    expect(digest.papers[2]).toMatchObject({ published: { raw: 'Jan 6', iso: '2026-01-06' }, upvotes: 8, authors: 2 });
    expect(digest.papers[3]).toMatchObject({ published: { raw: 'Aug 20, 2024', iso: '2024-08-20' }, upvotes: 1 });
    expect(digest.papers.reduce((sum, p) => sum + p.upvotes, 0)).toBeGreaterThan(0);
  });

  it('reads the same papers from a copy with CRLF line ends, a BOM and trailing spaces', () => {
    const original = readDigest(DIGEST_FILES.nov19);
    const windows = `\uFEFF${original
      .split('\n')
      .map((l) => `${l}  \t`)
      .join('\r\n')}\r\n`;
    const a = parseDigestText('a.txt', original, TODAY);
    const [b] = parseDigestBytes('a.txt', new TextEncoder().encode(windows), { today: TODAY });
    expect(b?.papers).toEqual(a.papers);
    expect(b?.digestDate).toEqual(a.digestDate);
  });

  it('reads an organisation line in place of an author count, and an upvote count after a dated year', () => {
    const text = [
      'Daily Papers',
      '',
      'Nov 19',
      '',
      'Hunyuan World',
      '',
      'We present a world model.',
      '',
      'tencent Tencent',
      '\u00b7',
      'Oct 3, 2025 2',
      '',
      'Second paper',
      '',
      'Another abstract.',
      '',
      '  \u2022 TencentARC ARC Lab, Tencent PCG',
      '\u00b7',
      'Jan 14 12',
    ].join('\n');
    const digest = parseDigestText('org.txt', text, TODAY);
    expect(digest.papers.map((p) => [p.organization, p.authors, p.published?.raw, p.upvotes])).toEqual([
      ['tencent Tencent', null, 'Oct 3, 2025', 2],
      ['TencentARC ARC Lab, Tencent PCG', null, 'Jan 14', 12],
    ]);
  });

  it('gives a date without a year the most recent such day not after the import day', () => {
    const text = 'Daily Papers\n\nDec 24\n\nA title\n\nAn abstract.';
    expect(parseDigestText('d.txt', text, new Date('2026-11-22T00:00:00Z')).digestDate.iso).toBe('2025-12-24');
    expect(parseDigestText('d.txt', text, new Date('2026-12-24T00:00:00Z')).digestDate.iso).toBe('2026-12-24');
    const leap = 'Daily Papers\n\nFeb 29\n\nA title\n\nAn abstract.';
    expect(parseDigestText('d.txt', leap, new Date('2026-11-22T00:00:00Z')).digestDate.iso).toBe('2024-02-29');
  });
});

describe('the import day', () => {
  it('is the user’s calendar day, not UTC: a Nov 20 page saved on a Tokyo morning is dated Nov 20', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const tokyoMorning = new Date('2026-11-19T23:30:00Z'); // 08:30 on Nov 20 in Tokyo
      expect(parseDigestText('d.txt', 'Daily Papers\n\nNov 20\n\nA title\n\nAn abstract.', tokyoMorning).digestDate.iso).toBe('2026-11-20');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('the parser refuses what is not a digest, naming the file and line', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const nov19 = () => readDigest(DIGEST_FILES.nov19);

  it('refuses an empty file', () => {
    expect(refusal(() => parseDigestBytes('empty.txt', new Uint8Array(0))).message).toBe('empty.txt: the file is empty');
  });

  it('refuses a file of white space only', () => {
    expect(refusal(() => parseDigestBytes('blank.txt', enc(' \n\r\n\t\n'))).message).toBe('blank.txt: the file holds only white space');
  });

  it('refuses a PNG image and a PDF document by their signatures', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(refusal(() => parseDigestBytes('cover.png', png)).message).toBe('cover.png: this is a PNG image, not a digest saved as text');
    expect(refusal(() => parseDigestBytes('paper.pdf', enc('%PDF-1.7\n%âãÏÓ\n'))).message).toBe(
      'paper.pdf: this is a PDF document, not a digest saved as text',
    );
  });

  it('refuses bytes that are not UTF-8, naming the line', () => {
    const bytes = new Uint8Array([...enc('Daily Papers\n\nSep 1\n\nTitle '), 0xff, 0xfe, 0x41, ...enc('\n')]);
    expect(refusal(() => parseDigestBytes('latin1.txt', bytes)).message).toBe(
      'latin1.txt:5: the file is not valid UTF-8 text (is it a binary file?)',
    );
  });

  it('refuses UTF-16 text with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x44, 0x00, 0x61, 0x00]);
    expect(refusal(() => parseDigestBytes('utf16.txt', bytes)).message).toBe(
      'utf16.txt: the file is UTF-16 text; save the digest as UTF-8 and import it again',
    );
  });

  it('refuses control characters, naming their line', () => {
    expect(refusal(() => parseDigestText('ctl.txt', 'Daily Papers\n\nSep 1\n\nTi\u0001tle\n\nAbstract.')).message).toBe(
      'ctl.txt:5: control character U+0001 in the text (is it a binary file?)',
    );
  });

  it('refuses a saved HTML page that is neither a papers page nor a listing', () => {
    const error = refusal(() => parseDigestText('page.html', '\n<!DOCTYPE html>\n<html><body>Daily Papers</body></html>', TODAY, readHtml));
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'page.html:2: this is HTML or XML, not a digest: DigestLens reads saved Hugging Face papers pages and arXiv listings (/list/…/new, /recent, /pastweek), and Daily Papers saved as text',
    );
  });

  it('refuses a saved page where no DOM can read it (the background worker), saying where it can be imported', () => {
    expect(refusal(() => parseDigestText('page.html', '<!doctype html><p>x</p>', TODAY, null)).message).toBe(
      'page.html:1: this is a saved web page; import it from the DigestLens popup or Library, which can read web pages',
    );
  });

  it('refuses a JSON file', () => {
    expect(refusal(() => parseDigestText('export.json', '[{"title": "x"}]')).message).toMatch(/^export\.json:1: this is JSON/);
  });

  it('refuses text that does not start like a Daily Papers page', () => {
    expect(refusal(() => parseDigestText('notes.txt', 'Shopping list\n\nmilk')).message).toBe(
      'notes.txt:1: does not start like a Hugging Face Daily Papers page: expected the header ("Daily Papers") or the page date (like "Sep 1"), found "Shopping list"',
    );
  });

  it('refuses a header without a date and papers', () => {
    expect(refusal(() => parseDigestText('head.txt', 'new\n\nSubscribe\n\nDaily Papers\n')).message).toBe(
      'head.txt:5: the file ends after the page header, before the date and the papers (truncated?)',
    );
  });

  it('refuses a digest cut after a title, before its abstract', () => {
    const lines = nov19().split('\n');
    const cut = lines.slice(0, 21).join('\n'); // line 21 is the second paper's title
    expect(refusal(() => parseDigestText('cut.txt', cut)).message).toBe(
      'cut.txt:21: the file ends after the title "simple-idealized-1d-nlse: Pseudo-Spectral Solver for the 1D…", without its abstract (the file looks truncated)',
    );
  });

  it('refuses a digest cut inside a metadata block', () => {
    const cut = nov19().split('\n').slice(0, 26).join('\n'); // ends with "  • 5 authors", "·"
    expect(refusal(() => parseDigestText('cut.txt', cut)).message).toBe(
      'cut.txt:25: incomplete metadata block: expected three lines (authors or organisation, "·", date), found 2 (the file looks truncated)',
    );
  });

  it('refuses a digest cut inside an abstract, where the other papers carry metadata', () => {
    const text = nov19();
    const cut = text.slice(0, text.indexOf('Entropy-Guided Attention for Private LLMs') + 400);
    expect(refusal(() => parseDigestText('cut.txt', cut)).message).toBe(
      'cut.txt:29: the last paper "Entropy-Guided Attention for Private LLMs" has no metadata block while 2 of the 3 papers do: the file looks truncated',
    );
  });

  it('refuses a digest with a date but no papers', () => {
    expect(refusal(() => parseDigestText('none.txt', 'Daily Papers\n\nSep 1\n')).message).toBe(
      'none.txt:3: the digest has a date but no papers (the file looks truncated)',
    );
  });

  it('refuses a title of 5,000 characters', () => {
    const text = `Daily Papers\n\nSep 1\n\n${'A'.repeat(5000)}\n\nAbstract.`;
    expect(refusal(() => parseDigestText('long.txt', text)).message).toBe(
      'long.txt:5: a paper title of 5000 characters (at most 1000); this does not look like a digest',
    );
  });

  it('refuses a malformed publication date, naming its line', () => {
    const text = 'Daily Papers\n\nSep 1\n\nA title\n\nAn abstract.\n\n  \u2022 3 authors\n\u00b7\nYesterday';
    expect(refusal(() => parseDigestText('date.txt', text)).message).toBe(
      'date.txt:11: expected a publication date like "Jan 31" or "Apr 29, 2025 3", found "Yesterday"',
    );
  });

  it('refuses a file over the size limit without decoding it', () => {
    const big = new Uint8Array(17 * 1024 * 1024);
    expect(refusal(() => parseDigestBytes('huge.txt', big)).message).toBe('huge.txt: the file is 17.0 MB; digests are at most 16 MB');
  });
});
