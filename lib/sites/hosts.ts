/**
 * The one list of sites DigestLens runs on. `wxt.config.ts` derives the content scripts' `matches`,
 * `host_permissions` and the note editor's web-accessible `matches` from it; the background's sender
 * checks, the note editor's page-URL reader and the popup use it too.
 *
 * Bare hosts only, over https. `www.arxiv.org` and `www.huggingface.co` answer with a redirect to the
 * bare host, so no tab stays on them and no content script needs to run there; a page claiming to be
 * one is not one of ours. The address readers in the site adapters (`arxivIdFromUrl`, `readPage`) are
 * more lenient, through `SITE_ALIASES`: a saved page or a pasted link may name a mirror
 * (`export.arxiv.org`), and reading an id from it trusts nothing.
 */
export const SUPPORTED_HOSTS = ['arxiv.org', 'huggingface.co'] as const;
export type SupportedHost = (typeof SUPPORTED_HOSTS)[number];

/** Other names of the same sites, accepted only when reading an address or a saved page. */
const SITE_ALIASES: Record<SupportedHost, (hostname: string) => boolean> = {
  'arxiv.org': (hostname) => hostname.endsWith('.arxiv.org'),
  'huggingface.co': (hostname) => hostname === 'www.huggingface.co',
};

/** `https://arxiv.org/*`: the match pattern of one host, for a content script's `matches`. */
export function hostPattern(host: SupportedHost): `https://${SupportedHost}/*` {
  return `https://${host}/*`;
}

/** Every host's pattern: for the manifest's `host_permissions` and web-accessible `matches`. */
export const SUPPORTED_HOST_PATTERNS: string[] = SUPPORTED_HOSTS.map(hostPattern);

/** True for exactly one of the supported hosts (no alias, no subdomain). */
export function isSupportedHost(hostname: string): hostname is SupportedHost {
  return (SUPPORTED_HOSTS as readonly string[]).includes(hostname);
}

/** True for an https page on a supported host: a page DigestLens runs on and trusts as a sender. */
export function isSupportedPage(url: URL | string): boolean {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return parsed.protocol === 'https:' && isSupportedHost(parsed.hostname) && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** The site a hostname belongs to, aliases included: for reading addresses and saved pages. */
export function siteOfHost(hostname: string): SupportedHost | null {
  for (const host of SUPPORTED_HOSTS) if (hostname === host || SITE_ALIASES[host](hostname)) return host;
  return null;
}
