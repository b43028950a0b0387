/** Who ran a sentence first, which wire it came from, and whether the page says so. Pure:
 *  a sentence's versions (the page's and each match's article) in, a JSON-safe answer out. */
import { agenciesIn, agencyOfSite, isGenericAgencyCredit } from '../corpus/meta/agencies';
import { hostOf } from '../corpus/files/manifest';
import { compareMoments, readMoment, type Moment } from '../corpus/meta/moments';
import type { Provenance } from './types';

/** What the page says about itself, for provenance: its name and address, its date (and
 *  time, when stated), everyone it credits and the addresses it names as its source. */
export interface PageFacts {
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedAt: string | null;
  credits: readonly string[];
  sourceLinks: readonly string[];
}

/** One other article that ran the sentence, best match first. */
export interface OtherVersion {
  articleId: string;
  outlet: string;
  site: string | null;
  url: string | null;
  published: string | null;
  /** The stated time on the `published` date, when the article has one. */
  publishedAt?: string | null;
  credit: string | null;
}

interface Dated { articleId: string | null; outlet: string; published: string; moment: Moment; creditsOrigin: boolean }

/** The provenance of one echoed sentence. `first`: the earliest dated version (the page's
 *  own has articleId null); ties go to a version crediting the origin wire (the closest to
 *  it), then to the page (so no tie says "ran elsewhere first"), then to the best match.
 *  `origin`: the agency most versions credit (ties: the one the earliest crediting version
 *  names). `credited`: see pageCredits. */
export function sentenceProvenance(page: PageFacts, others: readonly OtherVersion[]): Provenance {
  const pageAgencies = page.credits.flatMap(agenciesIn).concat(linkAgencies(page.sourceLinks));
  const origin = pickOrigin([pageAgencies, ...others.map((o) => (o.credit ? agenciesIn(o.credit) : []))]);
  const dated: Dated[] = [];
  const pageMoment = page.publishedAt ? readMoment(page.publishedAt) : page.published ? readMoment(page.published) : null;
  if (pageMoment) dated.push({ articleId: null, outlet: page.outlet ?? 'this page', published: pageMoment.date, moment: pageMoment, creditsOrigin: origin !== null && pageAgencies.includes(origin) });
  for (const o of others) {
    const moment = o.publishedAt ? readMoment(o.publishedAt) : o.published ? readMoment(o.published) : null;
    if (moment) dated.push({ articleId: o.articleId, outlet: o.outlet, published: moment.date, moment, creditsOrigin: origin !== null && !!o.credit && agenciesIn(o.credit).includes(origin) });
  }
  const earliest = dated.reduce<Dated | null>((best, d) => (best === null || before(d, best) ? d : best), null);
  const first = earliest ? { articleId: earliest.articleId, outlet: earliest.outlet, published: earliest.published } : null;
  const firstOther = first && first.articleId !== null ? others.find((o) => o.articleId === first.articleId) ?? null : null;
  return { first, origin, credited: pageCredits(page, pageAgencies, origin, first === null ? others : firstOther) };
}

/** Whether `a` beats the current `best` for first: earlier, or tied and preferred. */
function before(a: Dated, best: Dated): boolean {
  const order = compareMoments(a.moment, best.moment);
  if (order !== 0) return order < 0;
  if (a.creditsOrigin !== best.creditsOrigin) return a.creditsOrigin;
  return a.articleId === null && best.articleId !== null;
}

function pickOrigin(perVersion: readonly string[][]): string | null {
  const count = new Map<string, number>();
  for (const agencies of perVersion) for (const a of new Set(agencies)) count.set(a, (count.get(a) ?? 0) + 1);
  let origin: string | null = null;
  for (const [agency, n] of count) if (origin === null || n > count.get(origin)!) origin = agency;
  return origin;
}

function linkAgencies(links: readonly string[]): string[] {
  return links.flatMap((u) => agencyOfSite(hostOf(u)) ?? []);
}

/** Whether the page credits what it owes: the origin wire by name, by a generic "agencies"
 *  credit or by a link to the wire's site; with no origin, the first outlet by name or site,
 *  or a link to it (`owed` a list = nothing is dated: any of those outlets). The page owes
 *  nothing when it is itself the first version and no wire is involved. */
function pageCredits(page: PageFacts, pageAgencies: readonly string[], origin: string | null, owed: OtherVersion | readonly OtherVersion[] | null): boolean {
  if (origin !== null) return pageAgencies.includes(origin) || page.credits.some(isGenericAgencyCredit);
  if (owed === null) return true;
  const candidates = Array.isArray(owed) ? owed : [owed as OtherVersion];
  return candidates.some((o) => creditsOutlet(page, o));
}

function creditsOutlet(page: PageFacts, other: OtherVersion): boolean {
  const name = other.outlet.toLowerCase();
  const site = other.site ?? hostOf(other.url);
  if (page.credits.some((c) => c.toLowerCase().includes(name) || (site !== null && c.toLowerCase().includes(site)))) return true;
  return site !== null && page.sourceLinks.some((u) => sameSite(hostOf(u), site));
}

function sameSite(host: string | null, site: string): boolean {
  return host !== null && (host === site || host.endsWith(`.${site}`));
}
