/**
 * Every CSS selector the site adapters use, in one place. When a site changes its markup, this is the
 * file to update, and the saved pages in `shared/fixtures/pages` (tests/unit/sites-*.test.ts) say what
 * each one must keep matching. An array lists alternatives in order of preference; the first one that
 * matches anything on the page wins. Counts are on the saved pages, checked by the tests.
 */

// ── arXiv /abs/<id> ───────────────────────────────────────────────────────────────────────────────

/** Highwire Press metadata, on abs pages of every layout since at least 2018 (both saved pages). Cleaner than the markup. */
export const ABS_META = {
  title: 'meta[name="citation_title"]',
  arxivId: 'meta[name="citation_arxiv_id"]',
  /** 2026 layout only: the 2018 page has no `citation_abstract`. */
  abstract: 'meta[name="citation_abstract"]',
  /** "Last, First", one per author (3 on the 2026 page, 4 on the 2018 one). */
  author: 'meta[name="citation_author"]',
} as const;

/** `<h1 class="title mathjax"><span class="descriptor">Title:</span>…`, 2018 and 2026 layouts (1 each; the 2026 subject heading is a bare `h1`). */
export const ABS_TITLE = 'h1.title';

/** `<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>…`, 2018 and 2026 layouts (1 each). */
export const ABS_ABSTRACT = 'blockquote.abstract';

/** `<div class="authors"><span class="descriptor">Authors:</span><a>Name</a>, …`, 2018 and 2026 layouts. */
export const ABS_AUTHOR_LINKS = 'div.authors a';

// ── arXiv /list/<cat>/{new,recent,pastweek,<month>} ────────────────────────────────────────────────

/**
 * One `dt` per entry, followed by its `dd`. Sections (new, cross-lists, replacements) are separate `dl`s:
 * - 2026 layout: `<div id="dlpage">` → `<dl id="articles">` per section (the id repeats); excerpt: 5 entries.
 * - legacy 2017 layout: `<div id="dlpage">` → bare `<dl>` per section, each after an `h3`; 44 entries.
 */
export const LIST_ENTRY = ['#dlpage dl > dt', 'dl#articles > dt'] as const;

/** In the `dt`: `<a href="/abs/2609.22268" title="Abstract">arXiv:2609.22268</a>` (2026, relative) or absolute `https://arxiv.org/abs/…` (2017). */
export const LIST_ID_LINK = 'a[title="Abstract"]';

/** In the `dd`: `<div class="list-title mathjax"><span class="descriptor">Title:</span>…`, both layouts. */
export const LIST_TITLE = '.list-title';

/** In the `dd`: author links; 2017 adds an "Authors:" descriptor, 2026 does not. */
export const LIST_AUTHOR_LINKS = '.list-authors a';

/** In the `dd`: `<p class="mathjax">` abstract, on `/new` only (both layouts); `/recent` and `/pastweek` show none. */
export const LIST_ABSTRACT = 'p.mathjax';

// ── arXiv /search/ ──────────────────────────────────────────────────────────────────────────────────

/** `<li class="arxiv-result">`, search v0.5.6 (Dec 2025): 200 on the saved page. */
export const SEARCH_RESULT = 'li.arxiv-result';

/** In a result: `<p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2512.03003">arXiv:2512.03003</a>`. */
export const SEARCH_ID_LINK = 'p.list-title a';

/** In a result: `<p class="title is-5 mathjax">`. */
export const SEARCH_TITLE = 'p.title';

/** In a result: `<p class="authors">` author links. */
export const SEARCH_AUTHOR_LINKS = 'p.authors a';

/**
 * In a result: the full abstract (`display: none` until "▽ More"), ending with a "△ Less" toggle link.
 * The `span.abstract-short` beside it is a cut-down excerpt and is never read.
 */
export const SEARCH_ABSTRACT_FULL = 'span.abstract-full';

// ── arXiv /html/<id> (LaTeXML) ─────────────────────────────────────────────────────────────────────

/** `<h1 class="ltx_title ltx_title_document">`, LaTeXML 0.8.8 (Jan 2025): 1 on the 2501.11120 page, 0 on the bibliography excerpt. */
export const HTML_TITLE = 'h1.ltx_title_document';

/** `<div class="ltx_abstract">` with an `h6.ltx_title_abstract` "Abstract" heading, then `p.ltx_p` paragraphs. */
export const HTML_ABSTRACT = 'div.ltx_abstract';

/** One `span.ltx_creator.ltx_role_author` per `\author` block, each with a `.ltx_personname` (1 on the 2501.11120 page, holding all 5 names). */
export const HTML_AUTHOR_NAMES = '.ltx_authors .ltx_creator.ltx_role_author .ltx_personname';

/** `<li class="ltx_bibitem">` references: 48 on the 2501.11120 page, 66 on the 2503.18887 excerpt. */
export const HTML_BIB_ITEM = 'li.ltx_bibitem';

/** In a reference: one `span.ltx_bibblock` (APS/revtex styles: "Authors, Title, Journal"), or several (natbib: authors / title / venue / URL). */
export const HTML_BIB_BLOCK = '.ltx_bibblock';

// ── Hugging Face /papers (daily, by date/week/month, trending, ?q= search) ───────────────────────────

/** The Svelte island of the papers list; `data-props` is its JSON state (`dailyPapers[].paper`), Sept 2026 (1). */
export const HF_DAILY_PROPS = 'div.SVELTE_HYDRATER[data-target="DailyPapers"]';

/** The visible title link of each paper card, Sept 2026 layout: 28 on the saved daily page. */
export const HF_CARD_TITLE_LINK = ['article h3 > a[href^="/papers/"]', 'h3 > a[href^="/papers/"]'] as const;

/** The upvote count on a card: `<div role="checkbox">…<div class="leading-none">110</div>`, Sept 2026 layout (28 on the saved daily page). */
export const HF_CARD_UPVOTES = 'div[role="checkbox"] .leading-none';

// ── Hugging Face /papers/<id> ──────────────────────────────────────────────────────────────────────

/**
 * The Svelte island of a paper page; `data-props` holds `{ paper: {id, title, summary, authors, …}, … }`.
 * No real page was ever saved: this follows scrapers' descriptions (fixtures/README.md) and the
 * hand-made tests/fixtures/hf-paper-2608.09888.html.
 */
export const HF_PAPER_PROPS = 'div.SVELTE_HYDRATER[data-target="PaperContent"]';

/** The visible title: the `h1` inside the paper island, else the page's first `h1` in `main`. */
export const HF_PAPER_TITLE = ['[data-target="PaperContent"] h1', 'main h1'] as const;

/** Headings among which the one reading "Abstract" precedes the abstract text. */
export const HF_PAPER_HEADINGS = 'h2, h3';
