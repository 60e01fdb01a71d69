/**
 * The small subset of XML that Atom feeds need, without DOMParser (absent in the service worker):
 * find elements by name, read their text with entities and CDATA decoded. Not a validating parser.
 *
 * Why hand-written (kept in issue 8): an MV3 service worker has no DOM, so no DOMParser; Chrome's
 * way to one is an offscreen document (chrome.offscreen, reason DOM_PARSER,
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen), a page to create and
 * message for every import. An XML library (fast-xml-parser, sax) would do, but Atom needs only
 * these 90 lines: the 948 KB arXiv feed in shared/fixtures (391 entries) parses in about 35 ms.
 */

export interface XmlElement {
  /** The qualified name as written, e.g. `arxiv:comment`. */
  name: string;
  attributes: Record<string, string>;
  /** The raw markup between the start and end tags ('' for an empty element). */
  inner: string;
  /** Offset of the `<` of the start tag in the text searched. */
  start: number;
  /** False when the text ends before the element's end tag. */
  closed: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric references; leaves anything else as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** The text content of markup: CDATA sections taken verbatim, tags and comments dropped, entities decoded. */
export function textContent(inner: string): string {
  let out = '';
  const pattern = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[^>]*>|([^<]+)/g;
  for (let match = pattern.exec(inner); match !== null; match = pattern.exec(inner)) {
    if (match[1] !== undefined) out += match[1];
    else if (match[2] !== undefined) out += decodeEntities(match[2]);
  }
  return out;
}

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    attributes[match[1] as string] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Markup with comments and CDATA blanked out (same length), so tags inside them are not seen. */
function maskOpaque(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
}

/**
 * The elements named exactly `name` as written (`entry`, `arxiv:comment`) anywhere in `text`, in
 * document order; elements of the same name nested in one another are not expected in Atom.
 */
export function findElements(text: string, name: string): XmlElement[] {
  const masked = maskOpaque(text);
  const open = new RegExp(`<(${escapeName(name)})(\\s[^>]*?)?(/?)>`, 'g');
  const found: XmlElement[] = [];
  for (let match = open.exec(masked); match !== null; match = open.exec(masked)) {
    const tagName = match[1] as string;
    const attributes = readAttributes(match[2] ?? '');
    const contentStart = match.index + match[0].length;
    if (match[3] === '/') {
      found.push({ name: tagName, attributes, inner: '', start: match.index, closed: true });
      continue;
    }
    const close = masked.indexOf(`</${tagName}`, contentStart);
    if (close === -1) {
      found.push({ name: tagName, attributes, inner: text.slice(contentStart), start: match.index, closed: false });
      break;
    }
    found.push({ name: tagName, attributes, inner: text.slice(contentStart, close), start: match.index, closed: true });
    open.lastIndex = close;
  }
  return found;
}

/** The text of the first element named `name`, or null when there is none. */
export function childText(text: string, name: string): string | null {
  const [first] = findElements(text, name);
  return first ? textContent(first.inner) : null;
}
