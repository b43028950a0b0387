import { describe, expect, it } from 'vitest';
import { canonicalWord, normalizeText, wordForm } from '../../../lib/text/normalize';
import { britishToAmerican } from '../../../lib/text/spelling';

describe('normalizeText', () => {
  it.each([
    ['lower case', 'The CSTO Mission', 'the csto mission'],
    ['NFKC: ligature and full-width digits', '\uFB01nal \uFF19\uFF10', 'final 90'],
    ['diacritics (precomposed)', 'Café naïve Türkiye', 'cafe naive turkiye'],
    ['diacritics (combining)', 'Zo\u0308e', 'zoe'],
    ['curly double quotes', '\u201CTerrorists\u201D', '"terrorists"'],
    ['curly single quotes', '\u2018completed\u2019 Russia\u2019s', "'completed' russia's"],
    ['en and em dashes', 'permanently \u2013 a nomination \u2014 yes', 'permanently - a nomination - yes'],
    ['minus sign and hyphen variants', '\u2212 5 \u2010 x \u2011 y', '- 5 - x - y'],
    ['zero-width chars', 'zero\u200Bwidth\u200C\u200D\u2060\uFEFF', 'zerowidth'],
    ['soft hyphen', 'co\u00ADoperate', 'cooperate'],
    ['comma thousands', 'more than 2,000 troops', 'more than 2000 troops'],
    ['several groups', '1,234,567', '1234567'],
    ['no-break space thousands', '2\u00A0000', '2000'],
    ['thin space thousands', '10\u2009000', '10000'],
    ['narrow no-break space thousands', '3\u202F500', '3500'],
    ['plain space is not a separator', '2 000', '2 000'],
    ['dot is not a separator', '2.000', '2.000'],
    ['comma before a year stays', 'Jan. 12, 2022', 'jan. 12, 2022'],
    ['comma before four digits stays', '5,0000', '5,0000'],
    ['comma before two digits stays', '3,50', '3,50'],
    ['dotless capital I and the like', 'İstanbul', 'istanbul'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent on seed-like text', () => {
    const once = normalizeText('Kazakhstan\u2019s 2,000 troops \u2013 \u201Cdespatched\u201D');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('canonicalWord: British -> American', () => {
  it.each([
    ['despatched', 'dispatched'], ['despatch', 'dispatch'], ['despatches', 'dispatches'],
    ['unrecognisable', 'unrecognizable'], ['organisation', 'organization'], ['organisations', 'organizations'],
    ['organisational', 'organizational'], ['organised', 'organized'], ['recognise', 'recognize'],
    ['stabilise', 'stabilize'], ['criticising', 'criticizing'], ['apologises', 'apologizes'],
    ['theorise', 'theorize'], ['summarised', 'summarized'], ['privatisation', 'privatization'],
    ['analyse', 'analyze'], ['paralysed', 'paralyzed'],
    ['defence', 'defense'], ['defences', 'defenses'], ['offence', 'offense'], ['licence', 'license'],
    ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['epicentre', 'epicenter'],
    ['kilometres', 'kilometers'], ['theatre', 'theater'], ['fibre', 'fiber'],
    ['travelled', 'traveled'], ['travelling', 'traveling'], ['traveller', 'traveler'], ['cancelled', 'canceled'],
    ['modelling', 'modeling'], ['labelled', 'labeled'], ['counsellor', 'counselor'], ['marvellous', 'marvelous'], ['panellists', 'panelists'],
    ['programme', 'program'], ['programmes', 'programs'],
    ['colour', 'color'], ['colourful', 'colorful'], ['honourable', 'honorable'], ['favourite', 'favorite'],
    ['behaviour', 'behavior'], ['neighbours', 'neighbors'], ['labour', 'labor'], ['rumours', 'rumors'],
    ['saviour', 'savior'], ['dishonour', 'dishonor'], ['unfavourable', 'unfavorable'], ['vigour', 'vigor'],
    ['grey', 'gray'], ['practising', 'practicing'], ['practised', 'practiced'], ['catalogue', 'catalog'],
    ['judgement', 'judgment'], ['jewellery', 'jewelry'], ['sceptical', 'skeptical'], ['tyres', 'tires'],
    ['manoeuvre', 'maneuver'], ['aluminium', 'aluminum'], ['paediatric', 'pediatric'],
  ])('%s -> %s', (british, american) => {
    expect(canonicalWord(british)).toBe(american);
  });

  it.each([
    'rise', 'rises', 'arise', 'risen', 'sunrise', 'uprising', 'raise', 'praised', 'noise', 'poise', 'cruise',
    'bruised', 'disguise', 'wise', 'otherwise', 'likewise', 'precise', 'concise', 'exercise', 'exercising',
    'excise', 'promise', 'promising', 'premises', 'compromise', 'surprise', 'surprising', 'enterprise',
    'comprised', 'advise', 'adviser', 'revised', 'supervise', 'televised', 'improvise', 'despise', 'franchise',
    'merchandise', 'paradise', 'advertising', 'expertise', 'treatise', 'demise', 'surmise', 'chastise',
    'crises', 'crisis', 'miser', 'this', 'his', 'paris', 'analysis',
    'four', 'hour', 'hours', 'your', 'our', 'tour', 'tourist', 'pour', 'sour', 'flour', 'devour', 'detour',
    'contour', 'journal', 'acre', 'massacre', 'genre', 'mediocre', 'controlled', 'cancellation', 'fuel',
    'dispatched', 'unrecognizable', 'organization', 'defense', 'center', 'traveled', 'program', 'color',
  ])('%s stays', (word) => {
    expect(canonicalWord(word)).toBe(word);
  });

  it('is idempotent: American spellings are fixed points', () => {
    for (const w of ['despatched', 'organisations', 'travelling', 'colourful', 'centres', 'defence']) {
      const once = canonicalWord(w);
      expect(canonicalWord(once)).toBe(once);
    }
  });

  it('canonicalWord and britishToAmerican agree', () => {
    expect(canonicalWord('organisation')).toBe(britishToAmerican('organisation'));
  });
});

describe('wordForm (one raw slice)', () => {
  it.each([
    ['Kazakhstan\u2019s', 'kazakhstans'],
    ["Kazakhstan's", 'kazakhstans'],
    ['2,000', '2000'],
    ['2\u00A0000', '2000'],
    ['3.5', '3.5'],
    ['U.S', 'us'],
    ['Organisation', 'organization'],
    ['Despatched', 'dispatched'],
    ['co\u00ADoperate', 'cooperate'],
  ])('%s -> %s', (raw, expected) => {
    expect(wordForm(raw)).toBe(expected);
  });
});
