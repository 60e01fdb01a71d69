/**
 * The URL a note's link may point to: http(s) only, written with its scheme. Everything else
 * (`javascript:`, `data:`, `file:`, relative paths, `//host`) gives null and the link stays text.
 * The scheme is checked on the text as typed, before the URL parser, which would drop leading
 * control characters and spaces.
 */
export function safeHref(raw: string): string | null {
  if (!/^https?:\/\/[^\s]/i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
