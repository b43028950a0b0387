/** Requests per token: a token bucket each, so a burst is allowed and a steady flood is not. */

/** Per-key token buckets of `burst` requests refilled at `perSecond`. */
export class RateLimit {
  private readonly buckets = new Map<number, { level: number; at: number }>();

  constructor(private readonly perSecond: number, private readonly burst: number, private readonly now = () => Date.now()) {}

  /** Takes one request for `key`: 0 when allowed, else the seconds to wait before the next. */
  take(key: number): number {
    const t = this.now();
    const held = this.buckets.get(key) ?? { level: this.burst, at: t };
    const level = Math.min(this.burst, held.level + ((t - held.at) / 1000) * this.perSecond);
    if (level < 1) {
      this.buckets.set(key, { level, at: t });
      return Math.max(1, Math.ceil((1 - level) / this.perSecond));
    }
    this.buckets.set(key, { level: level - 1, at: t });
    return 0;
  }
}
