import type { Settings } from '../settings/settings';

/** Whether the reader left DigestLens on for this site (Settings → Sites): off, it adds nothing to the page. */
export function siteIsOn(settings: Pick<Settings, 'arxivEnabled' | 'huggingfaceEnabled'>, hostname: string): boolean {
  return hostname === 'huggingface.co' || hostname.endsWith('.huggingface.co') ? settings.huggingfaceEnabled : settings.arxivEnabled;
}
