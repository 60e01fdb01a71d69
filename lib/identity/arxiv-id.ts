/**
 * arXiv identifiers: recognise them, and reduce them to the bare form that names a paper
 * (no `arXiv:` prefix, no version), which is how papers are keyed everywhere (architecture.md).
 *
 * The two schemes (https://info.arxiv.org/help/arxiv_identifier.html):
 * - since April 2007, `YYMM.NNNN` (to 2014-12) and `YYMM.NNNNN` (from 2015-01), e.g. `0704.0001`, `2609.22268`;
 * - before, `archive/YYMMNNN` (Aug 1991 to Mar 2007), sometimes written with the subject class,
 *   `math.AG/0601001`. The class is not part of the identifier (arXiv redirects `/abs/math.AG/0601001`
 *   to `/abs/math/0601001`), so it is dropped.
 * Either may carry a version (`v2`), which is dropped too.
 */

/** Every archive that issued old-style identifiers; other `word/1234567` strings are not arXiv ids. */
const OLD_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
]);

const NEW_STYLE = /^(\d\d)(\d\d)\.(\d{4,5})$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2})?\/(\d\d)(\d\d)(\d{3})$/i;

/** Months `0704` to `1412` numbered their papers with 4 digits, later months with 5; none is number 0. */
function validNewStyle(yy: string, mm: string, number: string): boolean {
  const month = Number(mm);
  const yymm = Number(yy) * 100 + month;
  return month >= 1 && month <= 12 && yymm >= 704 && number.length === (yymm < 1501 ? 4 : 5) && Number(number) > 0;
}

/**
 * The bare identifier in `raw`, or null when `raw` is not exactly one arXiv identifier.
 * Accepts an `arXiv:` prefix (any case), surrounding spaces and a version suffix:
 * `arXiv:2501.11120v2` → `2501.11120`, `hep-th/9901001v1` → `hep-th/9901001`, `math.AG/0601001` → `math/0601001`.
 */
export function normalizeArxivId(raw: string): string | null {
  const text = raw
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/v\d+$/, '');
  const modern = NEW_STYLE.exec(text);
  if (modern) {
    const [, yy = '', mm = '', number = ''] = modern;
    return validNewStyle(yy, mm, number) ? text : null;
  }
  const old = OLD_STYLE.exec(text);
  if (old) {
    const [, archive = '', yy = '', mm = '', number = ''] = old;
    const lower = archive.toLowerCase();
    const year = Number(yy) < 91 ? 2000 + Number(yy) : 1900 + Number(yy);
    const month = Number(mm);
    const inRange = month >= 1 && month <= 12 && year * 100 + month >= 199108 && year * 100 + month <= 200703;
    return OLD_ARCHIVES.has(lower) && inRange && Number(number) > 0 ? `${lower}/${yy}${mm}${number}` : null;
  }
  return null;
}

/**
 * Candidate identifiers in running text. A new-style number counts only after `arXiv:` or inside an
 * arxiv.org URL (a bare `2404.02522` could be anything); an old-style one is distinctive enough alone.
 */
const IN_TEXT =
  /(\barxiv:\s*|arxiv\.org\/(?:abs|pdf|html)\/)?\b([a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?(?![\d.]*\d)/gi;

/** The first arXiv identifier written in `text` (a reference, a link), bare; or null. */
export function findArxivId(text: string): string | null {
  IN_TEXT.lastIndex = 0;
  for (let match = IN_TEXT.exec(text); match !== null; match = IN_TEXT.exec(text)) {
    const [, prefix, id = ''] = match;
    if (!prefix && !id.includes('/')) continue;
    const parsed = normalizeArxivId(id);
    if (parsed) return parsed;
  }
  return null;
}
