/** One formatter for every date shown: building one per call is slow, and lists show many. */
const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2026-09-01" → "Sep 1, 2026", in the reader's language, without time-zone shifts. */
export function formatDay(iso: string): string {
  return DAY.format(new Date(`${iso}T00:00:00Z`));
}
