/**
 * Light or dark, as the page shows itself (Hugging Face has its own dark mode, independent of
 * the system's): the luminance of the first opaque background from the element up.
 */
export function pageTheme(from: Element): 'light' | 'dark' {
  for (let el: Element | null = from; el; el = el.parentElement) {
    const match = getComputedStyle(el).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (!match || Number(match[4] ?? 1) < 0.5) continue;
    const [r, g, b] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light';
}
