/** The news agencies (wire services) Echoes recognises in credits, and how outlets spell them.
 *  Only credit text is searched (bylines, datelines, credit lines, metadata), never the body:
 *  "AP" or "PA" in a sentence means nothing, in "(AP) —" it names the wire. */

interface AgencySpelling {
  /** The name shown to a person: "AFP", "AP", "Reuters". */
  name: string;
  /** Acronyms, matched as whole words in the case given ("AP" is not "ap"). */
  acronyms: readonly string[];
  /** Longer names, matched as whole words in any case. */
  names: readonly string[];
}

// Two-letter acronyms that are common words or other things ("AA", "TT", "CP") are left to
// their long names, so a credit line cannot name a wire by accident.
const AGENCIES: readonly AgencySpelling[] = [
  { name: 'AFP', acronyms: ['AFP'], names: ['Agence France-Presse', 'Agence France Presse', 'France-Presse', 'France Presse'] },
  { name: 'AP', acronyms: ['AP'], names: ['Associated Press'] },
  { name: 'Reuters', acronyms: [], names: ['Reuters', 'Thomson Reuters'] },
  { name: 'dpa', acronyms: ['dpa', 'DPA'], names: ['Deutsche Presse-Agentur', 'Deutsche Presse Agentur'] },
  { name: 'ANI', acronyms: ['ANI'], names: ['Asian News International'] },
  { name: 'PTI', acronyms: ['PTI'], names: ['Press Trust of India'] },
  { name: 'IANS', acronyms: ['IANS'], names: ['Indo-Asian News Service'] },
  { name: 'Xinhua', acronyms: [], names: ['Xinhua', 'Xinhua News Agency'] },
  { name: 'TASS', acronyms: ['TASS', 'ITAR-TASS'], names: ['Tass'] },
  { name: 'RIA Novosti', acronyms: ['RIA'], names: ['RIA Novosti'] },
  { name: 'Interfax', acronyms: [], names: ['Interfax'] },
  { name: 'EFE', acronyms: ['EFE'], names: ['Agencia EFE'] },
  { name: 'ANSA', acronyms: ['ANSA'], names: ['Agenzia Nazionale Stampa Associata'] },
  { name: 'Kyodo', acronyms: [], names: ['Kyodo', 'Kyodo News'] },
  { name: 'Yonhap', acronyms: [], names: ['Yonhap', 'Yonhap News Agency'] },
  { name: 'UPI', acronyms: ['UPI'], names: ['United Press International'] },
  { name: 'Bloomberg', acronyms: [], names: ['Bloomberg', 'Bloomberg News'] },
  { name: 'PA Media', acronyms: [], names: ['PA Media', 'Press Association', 'PA Wire'] },
  { name: 'Canadian Press', acronyms: [], names: ['Canadian Press'] },
  { name: 'AAP', acronyms: ['AAP'], names: ['Australian Associated Press'] },
  { name: 'Anadolu', acronyms: [], names: ['Anadolu Agency', 'Anadolu Ajansi'] },
  { name: 'ANP', acronyms: ['ANP'], names: ['Algemeen Nederlands Persbureau'] },
  { name: 'Belga', acronyms: [], names: ['Belga'] },
  { name: 'APA', acronyms: ['APA'], names: ['Austria Presse Agentur'] },
  { name: 'Lusa', acronyms: [], names: ['Lusa', 'Agência Lusa'] },
  { name: 'Europa Press', acronyms: [], names: ['Europa Press'] },
  { name: 'Ukrinform', acronyms: [], names: ['Ukrinform'] },
  { name: 'IRNA', acronyms: ['IRNA'], names: ['Islamic Republic News Agency'] },
  { name: 'Bernama', acronyms: [], names: ['Bernama'] },
  { name: 'Antara', acronyms: [], names: ['Antara News Agency'] },
  { name: 'KCNA', acronyms: ['KCNA'], names: ['Korean Central News Agency'] },
  { name: 'CNA', acronyms: [], names: ['Central News Agency'] },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters and digits on either side mean the spelling is part of another word ("APple").
const wordRe = (alternatives: readonly string[], flags: string): RegExp | null =>
  alternatives.length === 0 ? null
    : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.map(escape).join('|')})(?![\\p{L}\\p{N}])`, `u${flags}`);

const MATCHERS = AGENCIES.map((a) => ({ name: a.name, acronym: wordRe(a.acronyms, ''), long: wordRe(a.names, 'i') }));

/** The agencies a credit names, each once, in the order they first appear in it
 *  ("Reporting by AP and Reuters" -> ["AP", "Reuters"]); [] when it names none. */
export function agenciesIn(credit: string): string[] {
  const found: { name: string; at: number }[] = [];
  for (const m of MATCHERS) {
    const at = Math.min(firstIndex(m.acronym, credit), firstIndex(m.long, credit));
    if (at < Infinity) found.push({ name: m.name, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

function firstIndex(re: RegExp | null, text: string): number {
  const index = re ? text.search(re) : -1;
  return index < 0 ? Infinity : index;
}

/** Whether `name` is one of the agencies above, as agenciesIn spells it. */
export function isAgencyName(name: string): boolean {
  return AGENCIES.some((a) => a.name === name);
}

// "agencies", "wires", "wire services", "news agencies", "wire agency feed": credit for
// agency copy that does not say which agency.
const GENERIC = /(?<![\p{L}])(?:(?:news |wire )?agenc(?:y|ies)|wires?(?: services?| reports?| copy)?)(?![\p{L}])/iu;

/** Whether a credit acknowledges agency copy without naming the agency ("TRTWorld and
 *  agencies", "With inputs from agencies", "published from a wire agency feed"). */
export function isGenericAgencyCredit(credit: string): boolean {
  return GENERIC.test(credit) && agenciesIn(credit).length === 0;
}

// The agencies' own sites: a page whose canonical or source link points there republishes them.
const AGENCY_SITES: Readonly<Record<string, string>> = {
  'apnews.com': 'AP', 'ap.org': 'AP', 'afp.com': 'AFP', 'reuters.com': 'Reuters', 'dpa.com': 'dpa',
  'dpa-international.com': 'dpa', 'xinhuanet.com': 'Xinhua', 'news.cn': 'Xinhua', 'tass.com': 'TASS', 'tass.ru': 'TASS',
  'efe.com': 'EFE', 'ansa.it': 'ANSA', 'kyodonews.net': 'Kyodo', 'yna.co.kr': 'Yonhap', 'upi.com': 'UPI',
  'aninews.in': 'ANI', 'ptinews.com': 'PTI', 'interfax.com': 'Interfax', 'ria.ru': 'RIA Novosti', 'aa.com.tr': 'Anadolu',
};

/** The agency whose site `host` is ("apnews.com", "www.reuters.com", "en.yna.co.kr"), or null. */
export function agencyOfSite(host: string | null): string | null {
  if (!host) return null;
  const parts = host.toLowerCase().replace(/^www\./, '').split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const agency = AGENCY_SITES[parts.slice(i).join('.')];
    if (agency) return agency;
  }
  return null;
}
