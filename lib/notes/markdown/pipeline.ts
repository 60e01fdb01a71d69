import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import remarkBreaks from 'remark-breaks';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';
import { remarkArxivLinks } from './arxiv-links';
import { remarkPandocDollars } from './dollar-math';
import { remarkNoteSafety } from './note-safety';
import { remarkNoteSyntax } from './note-syntax';
import { safeHref } from './safe-url';

/**
 * How a note becomes elements (react-markdown, in components/notes/): parsed without raw HTML,
 * with math and bare URLs; prices kept as text; arXiv ids linked; then the safety rules, which
 * see every link, the arXiv ones included; and every newline a line break, since notes are
 * written as typed, not for reflowing. Order matters: each step sees the tree the one before left.
 */
export const NOTE_REMARK_PLUGINS: PluggableList = [
  remarkNoteSyntax,
  remarkMath,
  remarkPandocDollars,
  remarkArxivLinks,
  remarkNoteSafety,
  remarkBreaks,
];

/**
 * KaTeX typesets the math. `trust: false` (its default, written out) keeps `\href`, `\url`,
 * `\includegraphics` and `\htmlClass` from making links, images or attributes: they show as
 * errors. The size and macro-expansion caps keep a hostile formula from freezing the page.
 * (rehype-katex turns KaTeX's HTML into elements through an inert `<template>`; KaTeX escapes the
 * TeX it shows. web-ext lint warns about that template's HTML setter, and about micromark's
 * `document().write` call, which is its parser's API, not the DOM's.)
 */
const KATEX_OPTIONS: KatexOptions = { trust: false, maxSize: 50, maxExpand: 1000, strict: 'ignore' };

export const NOTE_REHYPE_PLUGINS: PluggableList = [[rehypeKatex, KATEX_OPTIONS]];

/** The last word on every URL an element carries: http(s) only (the links were already checked; this holds for anything else). */
export function noteUrlTransform(url: string): string | null {
  return safeHref(url);
}
