// British -> American spelling for one lower-case word: a few suffix rules plus small lists.
// Rules are deliberately narrow (named stems, explicit exceptions): a wrong rewrite of a word
// that is the same on both sides ("rise", "four") would be worse than a missed variant.

/** Whole words (and their inflections, see inflect) that no rule covers. */
const PAIRS = `despatch:dispatch defence:defense offence:offense pretence:pretense licence:license
practise:practice analogue:analog catalogue:catalog grey:gray plough:plow mould:mold
moult:molt smoulder:smolder sceptic:skeptic sceptical:skeptical scepticism:skepticism
tyre:tire cheque:check pyjamas:pajamas aluminium:aluminum aeroplane:airplane
judgement:judgment acknowledgement:acknowledgment ageing:aging jewellery:jewelry
fulfil:fulfill enrol:enroll skilful:skillful wilful:willful instalment:installment
manoeuvre:maneuver foetus:fetus oestrogen:estrogen anaemia:anemia diarrhoea:diarrhea
paediatric:pediatric orthopaedic:orthopedic encyclopaedia:encyclopedia haemorrhage:hemorrhage
programme:program kerb:curb`;

/** -re words that are -er in American spelling; matched as word endings (kilometre). */
const RE_WORDS = ['centre', 'theatre', 'metre', 'litre', 'fibre', 'calibre', 'sombre', 'spectre', 'lustre', 'meagre', 'sabre'];

/** -our stems that are -or in American spelling (not four, hour, tour, pour, your, contour ...). */
const OUR_RE = /^(dis|un|mis|re)?(col|flav|fav|behavi|neighb|hon|hum|lab|harb|rum|sav|val|vig|rig|arm|endeav|ferv|cand|clam|splend|tum|od|ard|parl|savi|demean|misdemean|vap|succ|arb|enam)our/;

/** Verbs that double a final l in British spelling only (travelled, cancelling, modeller). */
const LL_RE = /^(travel|cancel|label|model|fuel|signal|channel|level|marshal|counsel|total|quarrel|dial|tunnel|funnel|rival|equal|jewel|shovel|snorkel|yodel|pedal|pummel|grovel|marvel|duel|panel|libel|initial|refuel|unravel|ravel|bevel|chisel|gruel|swivel|tinsel|towel)l(ed|ing|er|ers|or|ors|ous|ist|ists)$/;

/** -ise/-yse with the inflections that take the American -ize/-yze. */
const ISE_RE = /^(.+)is(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
const LYSE_RE = /^(.*)lys(e|es|ed|ing|er|ers)$/;
/** Stems ending like these are never -ize words: -wise, -prise, -vise (advise, revise). */
const ISE_STEM_SKIP_RE = /(w|pr|v|[aeiouy])$/;
/** Words that end in -ise on both sides of the Atlantic (beyond ISE_STEM_SKIP_RE). */
const ISE_KEEP = new Set(
  `precise concise excise incise circumcise exercise promise premise compromise demise remise chemise
  surmise despise franchise disenfranchise merchandise paradise advertise expertise mortise chastise
  treatise sunrise moonrise valise cerise denise elise`.split(/\s+/),
);

const pairs = new Map<string, string>();
for (const pair of PAIRS.split(/\s+/)) {
  const [brit, amer] = pair.split(':') as [string, string];
  for (const [b, a] of inflect(brit, amer)) if (!pairs.has(b)) pairs.set(b, a);
}

/** Regular inflections of a pair: +s/+ed/+ing (+es after ch/sh), or +s/+d and e-dropping +ing. */
function inflect(brit: string, amer: string): Array<[string, string]> {
  if (brit.endsWith('s')) return [[brit, amer]];
  if (brit.endsWith('e') && amer.endsWith('e')) {
    const b = brit.slice(0, -1);
    const a = amer.slice(0, -1);
    return [[brit, amer], [brit + 's', amer + 's'], [brit + 'd', amer + 'd'], [b + 'ing', a + 'ing']];
  }
  if (brit.endsWith('e')) return [[brit, amer], [brit + 's', amer + 's']];
  const plural = /(ch|sh)$/.test(brit) ? 'es' : 's';
  return [[brit, amer], [brit + plural, amer + plural], [brit + 'ed', amer + 'ed'], [brit + 'ing', amer + 'ing']];
}

/** -ise -> -ize unless the word is -ise in American English too. */
function iseToIze(word: string): string | null {
  const m = ISE_RE.exec(word);
  if (!m) return null;
  const stem = m[1] as string;
  if (stem.length < 3 || ISE_STEM_SKIP_RE.test(stem) || ISE_KEEP.has(stem + 'ise')) return null;
  return `${stem}iz${m[2]}`;
}

/** (British ending, American ending) of every -re word with its inflections, built once. */
const RE_ENDINGS: ReadonlyArray<readonly [string, string]> = RE_WORDS.flatMap((re) => {
  const stem = re.slice(0, -2);
  return [['', 'er'], ['s', 'ers'], ['d', 'ered']].map(([suffix, out]) => [re + suffix, stem + out] as const);
});

/** -re -> -er at the end of a known word (centre, centres, centred, kilometre). */
function reToEr(word: string): string | null {
  if (!word.endsWith('re') && !word.endsWith('res') && !word.endsWith('red')) return null;
  for (const [ending, american] of RE_ENDINGS) {
    if (word.endsWith(ending)) return word.slice(0, word.length - ending.length) + american;
  }
  return null;
}

/** British -> American spelling of one lower-case word; unknown words come back unchanged. */
export function britishToAmerican(word: string): string {
  if (word.length < 4) return word;
  const pair = pairs.get(word);
  if (pair !== undefined) return pair;
  if (OUR_RE.test(word)) return word.replace(OUR_RE, (m) => m.slice(0, -3) + 'or');
  const ll = LL_RE.exec(word);
  if (ll) return `${ll[1]}${ll[2]}`;
  const lyse = LYSE_RE.exec(word);
  if (lyse) return `${lyse[1]}lyz${lyse[2]}`;
  return iseToIze(word) ?? reToEr(word) ?? word;
}
