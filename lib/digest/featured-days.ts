import type { DigestDate } from './types';

/**
 * Hugging Face features a paper on a day (`paper.submittedOnDailyAt`): that day is the digest's
 * date, never `publishedAt` (arXiv's date, days earlier: the Sep 28 page's papers were published
 * Sep 16–25). A file or page whose papers were featured on several days (an `api/daily_papers`
 * feed of two weeks, a weekly page) is one digest per day, in day order, each keeping page order.
 * Shared by the JSON parser and the page reader (which runs in content scripts, so no zod here).
 */
export function byFeaturedDay<T>(items: T[], dayOf: (item: T) => DigestDate): Array<{ date: DigestDate; items: T[] }> {
  const days = new Map<string, { date: DigestDate; items: T[] }>();
  for (const item of items) {
    const date = dayOf(item);
    const day = days.get(date.iso);
    if (day) day.items.push(item);
    else days.set(date.iso, { date, items: [item] });
  }
  return [...days.values()].sort((a, b) => (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : 0));
}
