/**
 * Everything a host page's own scripts could read: its HTML and every open shadow root (ours are
 * closed). Runs IN the page: pass it to either driver's `evaluate` (Playwright or puppeteer), so
 * both suites check "note text never enters the host page" the same way.
 */
export function hostPageTextInPage(): string {
  const parts = [document.documentElement.outerHTML];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.innerHTML);
        visit(element.shadowRoot);
      }
    }
  };
  visit(document);
  return parts.join('\n');
}
