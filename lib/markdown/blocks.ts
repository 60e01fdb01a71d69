import type { Block } from './ast';
import { parseInlines } from './inline';

/**
 * Block Markdown, line by line: fenced code, `$$` display math, headings `#`..`###`, rules,
 * block quotes, bullet and numbered lists (nested by indentation), and paragraphs, in which
 * every newline is a line break (notes are written as typed, not for reflowing).
 * Quotes and lists nest at most MAX_NESTING deep; deeper markers are paragraph text.
 */

const MAX_NESTING = 8;

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,3})(?=[ \t]|$)(.*)$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;

const isBlank = (line: string) => line.trim() === '';
const indentOf = (line: string) => line.length - line.trimStart().length;

interface ListMarker {
  ordered: boolean;
  /** `-`, `*`, `+` for bullets; `.` or `)` for numbers: a different one starts a new list. */
  kind: string;
  start: number;
  /** Column where the item's content starts; continuation lines are indented to it. */
  offset: number;
  content: string;
}

function listMarker(line: string): ListMarker | null {
  const m = LIST_ITEM.exec(line);
  if (!m) return null;
  const [, indent = '', marker = '', spaces = '', content = ''] = m;
  const ordered = /\d/.test(marker);
  const gap = content === '' || spaces.length > 4 ? 1 : spaces.length;
  return {
    ordered,
    kind: ordered ? marker.slice(-1) : marker,
    start: ordered ? Number.parseInt(marker, 10) : 1,
    offset: indent.length + marker.length + gap,
    content: spaces.length > 4 ? `${spaces.slice(1)}${content}` : content,
  };
}

interface Fence {
  char: string;
  length: number;
  lang: string | null;
}

function fenceOpen(line: string): Fence | null {
  const m = FENCE.exec(line);
  if (!m) return null;
  const [, , fence = '', info = ''] = m;
  if (fence.startsWith('`') && info.includes('`')) return null;
  return { char: fence.charAt(0), length: fence.length, lang: info.trim().split(/\s+/)[0] || null };
}

function closesFence(line: string, fence: Fence): boolean {
  const t = line.trim();
  return indentOf(line) <= 3 && t.length >= fence.length && t === fence.char.repeat(t.length);
}

/** The last line of a `$$` block opened at `i`, or -1: it must close before a blank line. */
function mathBlockEnd(lines: string[], i: number): number {
  const first = (lines[i] ?? '').trim();
  if (!first.startsWith('$$') || (first.length >= 4 && first.endsWith('$$'))) return -1;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j] as string;
    if (isBlank(line)) return -1;
    if (line.trimEnd().endsWith('$$')) return j;
  }
  return -1;
}

/** Whether `lines[i]` starts a block that ends a paragraph running into it. */
function interruptsParagraph(lines: string[], i: number, nesting: number): boolean {
  const line = lines[i] as string;
  if (fenceOpen(line) || HEADING.test(line) || RULE.test(line) || mathBlockEnd(lines, i) >= 0) return true;
  if (nesting >= MAX_NESTING) return false;
  if (QUOTE.test(line)) return true;
  const item = listMarker(line);
  return item !== null && item.content.trim() !== '' && (!item.ordered || item.start === 1);
}

function parseList(lines: string[], from: number, nesting: number): { block: Block; next: number } {
  const first = listMarker(lines[from] as string) as ListMarker;
  const items: string[][] = [];
  let current: string[] = [];
  let offset = 0;
  let tight = true;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (i > from && isBlank(line)) {
      current.push('');
      continue;
    }
    if (i > from && indentOf(line) >= offset) {
      current.push(line.slice(offset));
      continue;
    }
    const marker = listMarker(line);
    if (marker && marker.ordered === first.ordered && marker.kind === first.kind && (i === from || !RULE.test(line))) {
      if (i > from) {
        if (isBlank(current.at(-1) ?? '')) tight = false;
        items.push(current);
      }
      current = [marker.content];
      offset = marker.offset;
      continue;
    }
    // A lazy continuation line: it carries on the item's paragraph.
    if (!isBlank(current.at(-1) ?? '') && !interruptsParagraph(lines, i, nesting)) {
      current.push(line.trimStart());
      continue;
    }
    break;
  }
  items.push(current);
  // Blank lines after the last item belong to no item.
  while (current.length > 1 && isBlank(current.at(-1) as string)) current.pop();
  for (const item of items) {
    let seenText = false;
    let blankAfterText = false;
    for (const line of item) {
      if (isBlank(line)) blankAfterText = seenText;
      else if (blankAfterText) tight = false;
      else seenText = true;
    }
  }
  return {
    block: {
      type: 'list',
      ordered: first.ordered,
      start: first.start,
      tight,
      items: items.map((item) => parseBlockLines(item, nesting + 1)),
    },
    next: i,
  };
}

function parseBlockLines(lines: string[], nesting: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = fenceOpen(line);
    if (fence) {
      const indent = indentOf(line);
      const body: string[] = [];
      i++;
      while (i < lines.length && !closesFence(lines[i] as string, fence)) {
        const text = lines[i] as string;
        body.push(text.slice(Math.min(indent, indentOf(text))));
        i++;
      }
      i++; // the closing fence (or the end)
      blocks.push({ type: 'code', lang: fence.lang, text: body.join('\n') });
      continue;
    }

    const mathEnd = mathBlockEnd(lines, i);
    if (mathEnd >= 0) {
      blocks.push({
        type: 'math',
        text: lines
          .slice(i, mathEnd + 1)
          .join('\n')
          .trim(),
      });
      i = mathEnd + 1;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] as string).length as 1 | 2 | 3;
      const content = (heading[2] ?? '').trim().replace(/(?:^|[ \t]+)#+$/, '');
      blocks.push({ type: 'heading', level, children: parseInlines(content) });
      i++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }

    if (nesting < MAX_NESTING && QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length) {
        const next = lines[i] as string;
        const m = QUOTE.exec(next);
        if (m) quoted.push(m[1] ?? '');
        else if (!isBlank(next) && !isBlank(quoted.at(-1) ?? '') && !interruptsParagraph(lines, i, nesting)) quoted.push(next);
        else break;
        i++;
      }
      blocks.push({ type: 'quote', children: parseBlockLines(quoted, nesting + 1) });
      continue;
    }

    if (nesting < MAX_NESTING && listMarker(line)) {
      const { block, next } = parseList(lines, i, nesting);
      blocks.push(block);
      i = next;
      continue;
    }

    const paragraph = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i] as string) && !interruptsParagraph(lines, i, nesting)) {
      paragraph.push((lines[i] as string).trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInlines(paragraph.join('\n')) });
  }
  return blocks;
}

/** Parses a note into blocks. Leading tabs count as four spaces. */
export function parseMarkdown(text: string): Block[] {
  const lines = text.split(/\r\n?|\n/).map((line) => line.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    ')));
  return parseBlockLines(lines, 0);
}
