/**
 * Reading text from page elements the way a reader sees it, for titles and abstracts. Plain DOM,
 * no allocation beyond the pieces of text: it runs on every paper of a 200-result page.
 */

/**
 * Elements whose text is not part of what they label:
 * - `descriptor`: arXiv's "Title:", "Authors:", "Abstract:" labels;
 * - `MathJax…`: what MathJax 2 (arXiv's, e.g. the saved 2017 listing) renders beside the TeX it keeps
 *   in a `script[type="math/tex"]` (read below instead);
 * - `ltx_note`: LaTeXML footnotes and `\thanks` inside titles and author blocks;
 * - `ltx_tag_bibitem`: the "[12]" / "Abbott et al. [2016]" label of a LaTeXML reference.
 */
const SKIPPED_CLASS = /(?:^|\s)(?:descriptor|MathJax(?:_\w+)?|ltx_note|ltx_tag_bibitem)(?:\s|$)/;

/** Elements that end a line: their text must not run into the next element's. */
const BLOCKS = new Set(['p', 'div', 'li', 'dd', 'dt', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'br']);

function collect(node: Node, out: string[]): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.push(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.localName;
    if (tag === 'script') {
      // MathJax 2 keeps the TeX source here once it has typeset; show it as the page's source wrote it.
      const type = el.getAttribute('type') ?? '';
      if (type.startsWith('math/tex')) {
        const fence = type.includes('mode=display') ? '$$' : '$';
        out.push(fence, el.textContent ?? '', fence);
      }
      continue;
    }
    if (tag === 'style' || tag === 'template') continue;
    if (tag === 'math') {
      // LaTeXML MathML carries the TeX in `alttext`; its own text is presentation glyphs.
      const tex = el.getAttribute('alttext');
      if (tex !== null) {
        out.push('$', tex, '$');
        continue;
      }
    }
    const cls = el.getAttribute('class');
    if (cls !== null && SKIPPED_CLASS.test(cls)) continue;
    const block = BLOCKS.has(tag);
    if (block) out.push(' ');
    collect(el, out);
    if (block) out.push(' ');
  }
}

/** Runs of whitespace (including no-break spaces and newlines) become one space; ends trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Descendants that need the walk above. Most titles and abstracts have none, and `textContent` (native)
 * is then the same text several times faster: it keeps the 200-result search page at a few ms.
 */
const NEEDS_WALK = `script, style, template, math, .descriptor, [class*="MathJax"], .ltx_note, .ltx_tag_bibitem, ${[...BLOCKS].join(', ')}`;

/** The text of `el` as shown: labels and rendered-math duplicates dropped, TeX kept, whitespace collapsed. */
export function readText(el: Element): string {
  if (el.childElementCount === 0 || el.querySelector(NEEDS_WALK) === null) return collapseSpace(el.textContent ?? '');
  const out: string[] = [];
  collect(el, out);
  return collapseSpace(out.join(''));
}

/** `content` of the first `<meta>` matching `selector`, collapsed; null when absent or empty. */
export function metaContent(doc: Document, selector: string): string | null {
  const content = collapseSpace(doc.querySelector(selector)?.getAttribute('content') ?? '');
  return content || null;
}

/** A selector `outer rest` whose first part is one plain compound (`p.authors a`), split there. */
const DESCENDANT_SELECTOR = /^([^\s,>+~()[\]"']+)\s+([^\s,>+~][^,]*)$/;

/**
 * `root.querySelectorAll(selector)` for the elements inside `root`, in two steps when the selector is
 * `outer inner`: Chromium answers an element-rooted query with a descendant combinator by looking
 * through the whole document, so one such query per result is quadratic on a long page (a
 * 5,000-result page blocked the tab for ~4 s; tests/browser/hostile-pages.test.ts). Finding `outer`
 * under `root` first keeps each query inside its result. Unlike `querySelectorAll`, `outer` must be
 * inside `root` too, which is what the site adapters mean.
 */
export function queryAll(root: ParentNode, selector: string): Element[] {
  const split = DESCENDANT_SELECTOR.exec(selector.trim());
  if (!split?.[1] || !split[2]) return Array.from(root.querySelectorAll(selector));
  const [, outer, inner] = split;
  const found = new Set<Element>();
  for (const scope of root.querySelectorAll(outer)) for (const el of queryAll(scope, inner)) found.add(el);
  return Array.from(found);
}

/** The texts of the elements matching `selector` under `root`, empty ones skipped; null when there are none. */
export function readTexts(root: ParentNode, selector: string): string[] | null {
  const texts: string[] = [];
  for (const el of queryAll(root, selector)) {
    const text = readText(el);
    if (text) texts.push(text);
  }
  return texts.length > 0 ? texts : null;
}

/** All elements matching the first selector of `selectors` that matches anything under `root`. */
export function queryFirstMatching(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** `decodeURIComponent` that gives back the input instead of throwing on a malformed escape. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
