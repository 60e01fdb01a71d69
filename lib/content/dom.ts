/**
 * A tiny element builder for injected UI. Text goes in as text nodes only (never as HTML), and
 * links are accepted only with an https URL, so data from digests stays inert on any page.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function isSafeUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link that opens in a new tab; anything but https becomes plain text. */
export function link(url: string, ...children: Child[]): HTMLElement {
  if (!isSafeUrl(url)) return el('span', {}, ...children);
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, ...children);
}
