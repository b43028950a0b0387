const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/;
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+(\\d{4})`, 'i');
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY}\\s+${MONTH},?\\s+(\\d{4})`, 'i');

/** A date at the START of `text` ("2022-01-11", "January 11, 2022", "Fri. Jan 21st, 2022",
 *  "11 January 2022"): its YYYY-MM-DD form and how many characters it used; null if none. */
export function matchDateAt(text: string): { date: string; length: number } | null {
  const iso = ISO.exec(text);
  if (iso) return validDate(+iso[1]!, +iso[2]!, +iso[3]!, iso[0].length);
  const mf = MONTH_FIRST.exec(text);
  if (mf) return validDate(+mf[3]!, MONTHS[mf[1]!.toLowerCase()]!, +mf[2]!, mf[0].length);
  const df = DAY_FIRST.exec(text);
  if (df) return validDate(+df[3]!, MONTHS[df[2]!.toLowerCase()]!, +df[1]!, df[0].length);
  return null;
}

/** `value` as YYYY-MM-DD when it is (or starts with) a recognisable date, else null. */
export function toIsoDate(value: string): string | null {
  return matchDateAt(value.trim())?.date ?? null;
}

function validDate(year: number, month: number, day: number, length: number): { date: string; length: number } | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day) return null;
  return { date: d.toISOString().slice(0, 10), length };
}
