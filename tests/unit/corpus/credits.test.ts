import { describe, expect, it } from 'vitest';
import { agenciesIn, agencyOfSite, isGenericAgencyCredit } from '../../../lib/corpus/meta/agencies';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import { creditsInText, datelineCredit, lineCredit, preferredCredit } from '../../../lib/corpus/meta/credits';

describe('agenciesIn: the known agencies and their spellings', () => {
  it.each([
    ['AFP', ['AFP']],
    ['Agence France-Presse', ['AFP']],
    ['The Associated Press', ['AP']],
    ['ASSOCIATED PRESS', ['AP']],
    ['Reuters', ['Reuters']],
    ['Thomson Reuters', ['Reuters']],
    ['dpa', ['dpa']],
    ['Deutsche Presse-Agentur', ['dpa']],
    ['ANI', ['ANI']],
    ['Press Trust of India', ['PTI']],
    ['Xinhua News Agency', ['Xinhua']],
    ['ITAR-TASS', ['TASS']],
    ['Agencia EFE', ['EFE']],
    ['ANSA', ['ANSA']],
    ['Kyodo News', ['Kyodo']],
    ['Yonhap', ['Yonhap']],
    ['United Press International', ['UPI']],
    ['Reporting by AP and Reuters', ['AP', 'Reuters']],
    ['Jane Doe', []],
    ['TRTWorld and agencies', []],
  ])('%s -> %j', (credit, expected) => {
    expect(agenciesIn(credit)).toEqual(expected);
  });

  it('needs acronyms in their own case and as whole words', () => {
    expect(agenciesIn('ap')).toEqual([]);
    expect(agenciesIn('APPLE')).toEqual([]);
    expect(agenciesIn('Staff reporter, Capital')).toEqual([]);
  });

  it('knows the agencies by their sites', () => {
    expect(agencyOfSite('apnews.com')).toBe('AP');
    expect(agencyOfSite('www.reuters.com')).toBe('Reuters');
    expect(agencyOfSite('en.yna.co.kr')).toBe('Yonhap');
    expect(agencyOfSite('themoscowtimes.com')).toBeNull();
    expect(agencyOfSite(null)).toBeNull();
  });

  it('tells a generic agency credit from a named one', () => {
    expect(isGenericAgencyCredit('TRTWorld and agencies')).toBe(true);
    expect(isGenericAgencyCredit('With inputs from agencies')).toBe(true);
    expect(isGenericAgencyCredit('wire agency feed')).toBe(true);
    expect(isGenericAgencyCredit('AFP')).toBe(false);
    expect(isGenericAgencyCredit('Xinhua News Agency')).toBe(false);
    expect(isGenericAgencyCredit('Jane Doe')).toBe(false);
  });
});

describe('datelineCredit', () => {
  it.each([
    ['MOSCOW (AP) — Russia said on Tuesday…', 'AP'],
    ['KYIV, Jan 11 (Reuters) - Ukraine said…', 'Reuters'],
    ['BEIJING, Nov. 19 (Xinhua) -- China on Tuesday…', 'Xinhua'],
    ['NEW DELHI, Jan 11 (PTI): The government…', 'PTI'],
    ['WASHINGTON (AP) _ Lawmakers…', 'AP'],
    ['SAN JUAN, Puerto Rico (AP) — A storm…', 'AP'],
    ['(Reuters) — The New York State Attorney General is investigating WeWork…', 'Reuters'],
  ])('%s -> %s', (paragraph, expected) => {
    expect(datelineCredit(paragraph)).toBe(expected);
  });

  it.each([
    'MOSCOW: Troops of a Russia-led security alliance were preparing to pull out.',
    'MOSCOW — Troops were preparing to pull out.',
    'The president (who spoke on Tuesday) said…',
    'PARIS (Jan 11) — a place and a date, no agency',
  ])('no agency credit in %s', (paragraph) => {
    expect(datelineCredit(paragraph)).toBeNull();
  });
});

describe('lineCredit: bylines and credit lines', () => {
  it.each([
    ['By AFP', 'AFP'],
    ['By Jane Doe, Associated Press', 'Jane Doe, Associated Press'],
    ['Reporting by Tom Balmforth; Editing by Mark Heinrich', 'Tom Balmforth'],
    ['(Reporting by Reuters staff; editing by Jane Roe)', 'Reuters staff'],
    ['Source: TRTWorld and agencies', 'TRTWorld and agencies'],
    ['© The Associated Press', 'The Associated Press'],
    ['Copyright 2019 The Associated Press. All rights reserved.', 'The Associated Press'],
    ['(c) AFP', 'AFP'],
    ['This story was provided by The Conversation.', 'The Conversation'],
    ['This article originally appeared on Space.com.', 'Space.com'],
    ['This story has been published from a wire agency feed without modifications to the text.', 'wire agency feed'],
    ['(With inputs from PTI)', 'PTI'],
    ['The Associated Press contributed to this report.', 'Associated Press'],
  ])('%s -> %s', (line, expected) => {
    expect(lineCredit(line)).toBe(expected);
  });

  it.each([
    'The troops began leaving on Thursday, the ministry said.',
    'By the end of the week, most of them had gone home, officials said in a statement on Friday night.',
    '',
  ])('no credit in %j', (line) => {
    expect(lineCredit(line)).toBeNull();
  });
});

describe('creditsInText', () => {
  it('finds the dateline and the credit lines of a wire story', () => {
    const text = 'WASHINGTON (AP) — The hearings went on.\n\nMore text here, said officials.\n\nCopyright 2019 The Associated Press. All rights reserved.';
    expect(creditsInText(text)).toEqual(['AP', 'The Associated Press']);
  });

  it('finds nothing on a page that credits nobody', () => {
    expect(creditsInText('The troops left on Thursday.\n\nOfficials said the mission was complete.')).toEqual([]);
  });

  it('prefers a credit naming an agency when choosing the one to show', () => {
    expect(preferredCredit(['Jane Doe', null, 'AP'])).toBe('AP');
    expect(preferredCredit([undefined, 'Jane Doe'])).toBe('Jane Doe');
    expect(preferredCredit([])).toBeNull();
  });
});

describe('corpus articles take their credit from their own text', () => {
  const body = 'Lawmakers heard more testimony on Tuesday as the hearings went into their third week in the capital.';
  it('a dateline credits the wire; a manifest null still means unknown', () => {
    const file = `WASHINGTON (AP) — ${body}\n\n${body}`;
    const read = ingestFile('wire.txt', file);
    expect(read.ok && read.articles[0]!.credit).toBe('AP');
    const known = ingestFile('wire.txt', file, { manifest: { 'wire.txt': { credit: null } } });
    expect(known.ok && known.articles[0]!.credit).toBeNull();
  });

  it('a byline naming a person gives way to a wire named in a credit line', () => {
    const read = ingestFile('x.txt', `By Jane Doe\n\n${body}\n\n© The Associated Press`);
    expect(read.ok && read.articles[0]!.credit).toBe('The Associated Press');
    const plain = ingestFile('y.txt', `By Jane Doe\n\n${body}`);
    expect(plain.ok && plain.articles[0]!.credit).toBe('Jane Doe');
  });
});
