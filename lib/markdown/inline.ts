import type { Inline } from './ast';
import { safeHref } from './safe-url';

/**
 * Inline Markdown: code spans, math, links, bare URLs, strong and emphasis, line breaks. Code and
 * math are opaque (nothing inside them is parsed, so `$a_1 * b_2$` stays as typed) and are found
 * before emphasis is matched across them. Everything not recognised stays literal text, `<`, `&`
 * and all: the tree holds no HTML to escape or to trust.
 *
 * Scanning for closers is bounded: `budget` caps the characters looked at for one text, and a
 * failed search is remembered, so a note of 10,000 lone `*` or `` ` `` stays linear.
 */

const MAX_NESTING = 12;
const MAX_LINK_TEXT = 1000;
const MAX_LINK_URL = 2048;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const BARE_URL = /https?:\/\/[^\s<>]+/iy;
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/iy;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isAlphanumeric = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface LinkSyntax {
  textStart: number;
  textEnd: number;
  url: string;
  /** Index after the closing `)`. */
  next: number;
}

class Scanner {
  private budget: number;
  /** Code and math closers: `kind@end` → the smallest start from which a search failed (any later one fails too). */
  private readonly failedFrom = new Map<string, number>();
  /** Emphasis closers by delimiter, start and end: each search runs once (nested ones are asked for again and again). */
  private readonly closers = new Map<string, number>();

  constructor(readonly src: string) {
    this.budget = 20_000 + src.length * 8;
  }

  /** Counts `n` characters looked at; false once the budget is spent. */
  private spend(n = 1): boolean {
    this.budget -= n;
    return this.budget >= 0;
  }

  private failedBefore(kind: string, from: number, end: number): boolean {
    const failed = this.failedFrom.get(`${kind}@${end}`);
    return failed !== undefined && from >= failed;
  }

  private fail(kind: string, from: number, end: number): -1 {
    const key = `${kind}@${end}`;
    this.failedFrom.set(key, Math.min(from, this.failedFrom.get(key) ?? from));
    return -1;
  }

  runLength(i: number, end: number, c: string): number {
    let j = i;
    while (j < end && this.src[j] === c) j++;
    return j - i;
  }

  /** A code span opened by the backtick run at `i`: the index after its closing run, or -1. */
  codeSpanEnd(i: number, end: number): number {
    const n = this.runLength(i, end, '`');
    const kind = `code${n}`;
    if (this.failedBefore(kind, i, end)) return -1;
    let j = i + n;
    while (j < end) {
      if (!this.spend()) return -1;
      if (this.src[j] !== '`') {
        j++;
        continue;
      }
      const run = this.runLength(j, end, '`');
      if (run === n) return j + n;
      j += run;
    }
    return this.fail(kind, i, end);
  }

  /**
   * Math opened by `$` or `$$` at `i`: the index after its closing delimiter, or -1. Inline `$`
   * follows Pandoc's rule so prices stay prices: no space inside either delimiter, and the
   * closing `$` not followed by a digit ("$5 and $10").
   */
  mathEnd(i: number, end: number): number {
    const src = this.src;
    if (src[i + 1] === '$') {
      if (this.failedBefore('math2', i, end)) return -1;
      for (let j = i + 2; j + 1 < end; j++) {
        if (!this.spend()) return -1;
        if (src[j] === '$' && src[j + 1] === '$') return j > i + 2 && src.slice(i + 2, j).trim() !== '' ? j + 2 : -1;
      }
      return this.fail('math2', i, end);
    }
    if (isSpace(src[i + 1]) || i + 1 >= end) return -1;
    if (this.failedBefore('math1', i, end)) return -1;
    for (let j = i + 1; j < end; j++) {
      if (!this.spend()) return -1;
      if (src[j] === '\\') {
        j++;
        continue;
      }
      if (src[j] === '$' && j > i + 1 && !isSpace(src[j - 1]) && !/\d/.test(src[j + 1] ?? '')) return j + 1;
    }
    return this.fail('math1', i, end);
  }

  /** `[text](url)` or `[text](url "title")` at `i`, whatever the URL; null when the syntax is not there. */
  linkAt(i: number, end: number): LinkSyntax | null {
    const src = this.src;
    let depth = 0;
    let j = i + 1;
    const textLimit = Math.min(end, i + 1 + MAX_LINK_TEXT);
    for (; j < textLimit; j++) {
      if (!this.spend()) return null;
      const c = src[j];
      if (c === '\\') j++;
      else if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (src[j] !== ']' || src[j + 1] !== '(') return null;
    const textEnd = j;
    let k = j + 2;
    while (k < end && (src[k] === ' ' || src[k] === '\t')) k++;
    const urlStart = k;
    let parens = 0;
    const urlLimit = Math.min(end, urlStart + MAX_LINK_URL);
    for (; k < urlLimit && !isSpace(src[k]); k++) {
      if (!this.spend()) return null;
      if (src[k] === '\\') k++;
      else if (src[k] === '(') parens++;
      else if (src[k] === ')') {
        if (parens === 0) break;
        parens--;
      }
    }
    const url = src.slice(urlStart, k).replace(/\\([!-/:-@[-`{-~])/g, '$1');
    while (k < end && isSpace(src[k]) && src[k] !== '\n') k++;
    const quote = src[k];
    if (quote === '"' || quote === "'") {
      const close = src.indexOf(quote, k + 1);
      if (close < 0 || close >= end) return null;
      k = close + 1;
      while (k < end && (src[k] === ' ' || src[k] === '\t')) k++;
    }
    if (src[k] !== ')' || url === '') return null;
    return { textStart: i + 1, textEnd, url, next: k + 1 };
  }

  /** A bare http(s) URL starting at `i` (not inside a word): the index after it, trailing punctuation left out; or -1. */
  bareUrlEnd(i: number, end: number): number {
    if (isAlphanumeric(this.src[i - 1])) return -1;
    BARE_URL.lastIndex = i;
    const match = BARE_URL.exec(this.src);
    if (!match) return -1;
    let url = match[0].slice(0, end - i);
    for (;;) {
      const last = url.at(-1);
      if (last && '.,:;!?\'"*_~'.includes(last)) url = url.slice(0, -1);
      else if ((last === ')' || last === ']') && count(url, last === ')' ? '(' : '[') < count(url, last)) url = url.slice(0, -1);
      else break;
    }
    return /^https?:\/\/./i.test(url) ? i + url.length : -1;
  }

  /** `<https://…>` at `i`: the index after `>`, or -1. */
  autolinkEnd(i: number, end: number): number {
    AUTOLINK.lastIndex = i;
    const match = AUTOLINK.exec(this.src);
    return match && i + match[0].length <= end ? i + match[0].length : -1;
  }

  /**
   * Where the emphasis delimiter `delim` (`*`, `**`, `_`, `__`) opened before `from` closes, at
   * most at `end`: the index of the closer, or -1. Code, math, links and URLs are stepped over
   * whole, and so are nested emphases, so the closer found is the one that matches.
   */
  findCloser(from: number, end: number, delim: string, nesting: number): number {
    if (nesting > MAX_NESTING) return -1;
    const key = `${delim}@${from}@${end}`;
    const known = this.closers.get(key);
    if (known !== undefined) return known;
    const found = this.scanForCloser(from, end, delim, nesting);
    this.closers.set(key, found);
    return found;
  }

  private scanForCloser(from: number, end: number, delim: string, nesting: number): number {
    const src = this.src;
    const c = delim[0] as '*' | '_';
    const n = delim.length;
    let i = from;
    while (i < end) {
      if (!this.spend()) return -1;
      const ch = src[i];
      if (ch === '\\') {
        i += 2;
      } else if (ch === '`') {
        const after = this.codeSpanEnd(i, end);
        i = after > 0 ? after : i + this.runLength(i, end, '`');
      } else if (ch === '$') {
        const after = this.mathEnd(i, end);
        i = after > 0 ? after : i + 1;
      } else if (ch === '[') {
        i = this.linkAt(i, end)?.next ?? i + 1;
      } else if (ch === '<') {
        const after = this.autolinkEnd(i, end);
        i = after > 0 ? after : i + 1;
      } else if (ch === 'h' || ch === 'H') {
        const after = this.bareUrlEnd(i, end);
        i = after > 0 ? after : i + 1;
      } else if (ch === c) {
        const run = this.runLength(i, end, c);
        const closes = i > from && !isSpace(src[i - 1]) && (c === '*' || !isAlphanumeric(src[i + n]));
        const opens = i + run < end && !isSpace(src[i + run]) && (c === '*' || !isAlphanumeric(src[i - 1]));
        if (n === 2) {
          if (run >= 2 && closes) return i;
          const after = opens ? this.nestedEnd(i, end, c, run >= 2 ? 2 : 1, nesting) : -1;
          i = after >= 0 ? after : i + run;
        } else {
          const after = opens && run >= 2 ? this.nestedEnd(i, end, c, 2, nesting) : -1;
          if (after >= 0) i = after;
          else if (closes) return i;
          else {
            const inner = opens && run === 1 ? this.nestedEnd(i, end, c, 1, nesting) : -1;
            i = inner >= 0 ? inner : i + run;
          }
        }
      } else {
        i++;
      }
    }
    return -1;
  }

  /** An emphasis opened at `i` inside the one being closed: the index after its own closer, or -1. */
  private nestedEnd(i: number, end: number, c: string, length: number, nesting: number): number {
    const inner = this.findCloser(i + length, end, c.repeat(length), nesting + 1);
    return inner >= 0 ? inner + length : -1;
  }
}

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}

/** Parses `src[start..end)`; `inLink` forbids links inside link text. */
function parseRange(scanner: Scanner, start: number, end: number, nesting: number, inLink: boolean): Inline[] {
  const src = scanner.src;
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  const push = (node: Inline) => {
    flush();
    out.push(node);
  };

  let i = start;
  while (i < end) {
    const c = src[i] as string;
    if (c === '\\' && i + 1 < end && ASCII_PUNCTUATION.test(src[i + 1] as string)) {
      text += src[i + 1];
      i += 2;
    } else if (c === '\n') {
      text = text.replace(/[ \t]+$/, '');
      push({ type: 'break' });
      i++;
      while (i < end && (src[i] === ' ' || src[i] === '\t')) i++;
    } else if (c === '`') {
      const after = scanner.codeSpanEnd(i, end);
      const run = scanner.runLength(i, end, '`');
      if (after < 0) {
        text += src.slice(i, i + run);
        i += run;
        continue;
      }
      let code = src.slice(i + run, after - run).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      push({ type: 'code', text: code });
      i = after;
    } else if (c === '$') {
      const after = scanner.mathEnd(i, end);
      if (after < 0) {
        const run = src[i + 1] === '$' ? 2 : 1;
        text += src.slice(i, i + run);
        i += run;
        continue;
      }
      push({ type: 'math', text: src.slice(i, after) });
      i = after;
    } else if (c === '[') {
      const link = scanner.linkAt(i, end);
      if (!link) {
        text += c;
        i++;
        continue;
      }
      const href = inLink ? null : safeHref(link.url);
      if (href) {
        const children = link.textEnd > link.textStart ? parseRange(scanner, link.textStart, link.textEnd, nesting + 1, true) : [];
        push({ type: 'link', href, children: children.length > 0 ? children : [{ type: 'text', text: link.url }] });
      } else {
        // Not a web link (javascript:, data:, a relative path…): the source, as typed.
        text += src.slice(i, link.next);
      }
      i = link.next;
    } else if (c === '<' && !inLink && scanner.autolinkEnd(i, end) > 0) {
      const after = scanner.autolinkEnd(i, end);
      const url = src.slice(i + 1, after - 1);
      const href = safeHref(url);
      if (href) push({ type: 'link', href, children: [{ type: 'text', text: url }] });
      else text += src.slice(i, after);
      i = after;
    } else if ((c === 'h' || c === 'H') && !inLink && scanner.bareUrlEnd(i, end) > 0) {
      const after = scanner.bareUrlEnd(i, end);
      const url = src.slice(i, after);
      const href = safeHref(url);
      if (href) push({ type: 'link', href, children: [{ type: 'text', text: url }] });
      else text += url;
      i = after;
    } else if (c === '*' || c === '_') {
      const run = scanner.runLength(i, end, c);
      const opens = nesting < MAX_NESTING && i + run < end && !isSpace(src[i + run]) && (c === '*' || !isAlphanumeric(src[i - 1]));
      const strongClose = opens && run >= 2 ? scanner.findCloser(i + 2, end, c + c, nesting) : -1;
      if (strongClose >= 0) {
        push({ type: 'strong', children: parseRange(scanner, i + 2, strongClose, nesting + 1, inLink) });
        i = strongClose + 2;
        continue;
      }
      // A single opener is the run's last character: "**a*" is "*" then an emphasised "a".
      const at = i + run - 1;
      const emClose = opens ? scanner.findCloser(at + 1, end, c, nesting) : -1;
      if (emClose < 0) {
        text += src.slice(i, i + run);
        i += run;
        continue;
      }
      text += src.slice(i, at);
      push({ type: 'em', children: parseRange(scanner, at + 1, emClose, nesting + 1, inLink) });
      i = emClose + 1;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return out;
}

/** Inline content of one paragraph or heading; `\n` in `src` is a line break. */
export function parseInlines(src: string): Inline[] {
  return parseRange(new Scanner(src), 0, src.length, 0, false);
}
