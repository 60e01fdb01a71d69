const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export const MONTH_DAY_PATTERN = String.raw`([A-Za-z]{3,9})\.? (\d{1,2})(?:, (\d{4}))?`;

export interface MonthDay {
  month: number; // 1-12
  day: number;
  year: number | null;
}

export function parseMonthDay(monthName: string, day: string, year: string | undefined): MonthDay | null {
  // "Sep", "Sept", "September": any prefix of the month's name of three letters or more.
  const lower = monthName.toLowerCase();
  const month = MONTH_NAMES.findIndex((name) => name.startsWith(lower)) + 1;
  if (month === 0) return null;
  const dayNumber = Number(day);
  const yearNumber = year === undefined ? null : Number(year);
  if (!isRealDay(yearNumber ?? 2000, month, dayNumber)) return null;
  return { month, day: dayNumber, year: yearNumber };
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The rule for dates written without a year (Hugging Face omits the current year): the most
 * recent such day that is not after `referenceIso` (the import day for a digest's own date, the
 * digest's date for a paper's publication date). Feb 29 goes back to the last leap year.
 */
export function resolveIsoDate(date: MonthDay, referenceIso: string): string {
  if (date.year !== null) return toIso(date.year, date.month, date.day);
  for (let year = Number(referenceIso.slice(0, 4)); ; year--) {
    if (!isRealDay(year, date.month, date.day)) continue;
    const iso = toIso(year, date.month, date.day);
    if (iso <= referenceIso) return iso;
  }
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The import day as the user's calendar shows it (local time, not UTC: a page saved in Tokyo on
 * the morning of Nov 20 is a Nov 20 page even though it is still Nov 19 in UTC).
 */
export function localIsoDay(now: Date): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
