/**
 * The days the tests expect on digests, written independently of the product's code: a text
 * digest's page carries no year, and the product gives it the most recent such day not after the
 * import day (in UTC, as the service worker computes it); the same rule here keeps the tests true
 * in any year. And a day as the extension shows it (lib/text/format-day.ts), in the browser's language.
 */
import type { Page } from 'playwright-core';

export function mostRecentDay(month: number, day: number, today = new Date()): string {
  const todayIso = today.toISOString().slice(0, 10);
  for (let year = today.getUTCFullYear(); ; year--) {
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (iso <= todayIso) return iso;
  }
}

export function shownDay(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (day) =>
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      ),
    iso,
  );
}
