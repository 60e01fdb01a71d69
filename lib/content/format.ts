import type { DigestMembership } from '../messaging/protocol/shared';

/** "2026-09-01" → "Sep 1, 2026" (English, as the sites are). */
export function formatDigestDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** "Sep 1" when the year is the current one, else "Sep 1, 2025": short, for badges. */
export function shortDigestDate(iso: string, now = new Date()): string {
  const sameYear = iso.startsWith(String(now.getUTCFullYear()));
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en', {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
}

/** "Nov 19, 2026 (▲8) · Sep 1, 2026": every digest a paper is in, for tooltips and panels. */
export function describeMemberships(digests: DigestMembership[]): string {
  return digests.map((d) => `${formatDigestDate(d.date)}${d.upvotes ? ` (▲${d.upvotes})` : ''}`).join(' · ');
}
