/** When an article was published, to the minute when its source says so, and how two such
 *  moments compare. Dates alone (YYYY-MM-DD) stay dates: they are never given a made-up time. */
import { toIsoDate } from './dates';

/** A publication moment: `date` YYYY-MM-DD as stated; `utcMs` the instant when a time of day
 *  was stated (a time without a zone is read as UTC, see `zoned`), else null. */
export interface Moment { date: string; utcMs: number | null; zoned: boolean }

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?/i;
// The widest spread of local times on one day (UTC-12 to UTC+14): a time of day without a
// zone may be off by this much.
const UNZONED_SLACK_MS = 14 * 3600_000;
// Two stamps this close are "the same time": outlets stamp a wire story as they post it.
const SAME_TIME_MS = 5 * 60_000;

/** `value` ("2019-11-19T14:05:00-05:00", "2022-01-11", "January 11, 2022") as a Moment, or
 *  null when it holds no date. The date is the one the source wrote, not converted to UTC. */
export function readMoment(value: string): Moment | null {
  const text = value.trim();
  const date = toIsoDate(text);
  if (!date) return null;
  const m = STAMP.exec(text);
  if (!m) return { date, utcMs: null, zoned: false };
  const [, y, mo, d, h, mi, s = '0', zone] = m;
  if (+h! > 23 || +mi! > 59 || +s > 59) return { date, utcMs: null, zoned: false };
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  return { date, utcMs: local - zoneOffsetMs(zone), zoned: zone !== undefined };
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || /^z$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4)) * 60_000;
}

/** Negative when `a` was surely published before `b`, positive when after, 0 when the sources
 *  cannot tell them apart. When both state a time, the instants decide, within the slack a
 *  missing zone leaves (a time without a zone may be 14 hours off); otherwise the dates do. */
export function compareMoments(a: Moment, b: Moment): number {
  if (a.utcMs !== null && b.utcMs !== null) {
    const slack = SAME_TIME_MS + (a.zoned && b.zoned ? 0 : UNZONED_SLACK_MS);
    const delta = a.utcMs - b.utcMs;
    return Math.abs(delta) > slack ? delta : 0;
  }
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
