import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATCH_SETTINGS,
  migrateDisabledSites,
  migrateEnabled,
  migrateMatchSettings,
  migrateReadingMemory,
  presetOf,
  STRICTNESS_PRESETS,
} from '../../../lib/ext/settings/settings';

describe('migrateEnabled', () => {
  it.each([
    [true, true],
    [false, false],
    ['false', false],
    [0, false],
    ['true', true],
    [undefined, true],
    [null, true],
    [{ on: false }, true],
  ])('%j -> %s', (raw, expected) => expect(migrateEnabled(raw)).toBe(expected));
});

describe('migrateDisabledSites', () => {
  it.each([
    [['b.com', 'a.com'], ['a.com', 'b.com']],
    [['WWW.Example.com', 'example.com', ' tass.ru '], ['example.com', 'tass.ru']],
    [['ok.org', 42, null, 'not a host', '', 'x'], ['ok.org']],
    ['example.com', []],
    [{ 0: 'a.com' }, []],
    [undefined, []],
  ])('%j -> %j', (raw, expected) => expect(migrateDisabledSites(raw)).toEqual(expected));
});

describe('migrateMatchSettings', () => {
  it.each([
    [{ showParaphrase: true, strictness: 0.75 }, { showParaphrase: true, strictness: 0.75, hideQuotes: false }],
    [{ showParaphrase: 'yes', strictness: 0.2 }, { showParaphrase: false, strictness: 0.2, hideQuotes: false }],
    [{ showParaphrase: true, strictness: 7 }, { showParaphrase: true, strictness: 1, hideQuotes: false }],
    [{ strictness: -1 }, { showParaphrase: false, strictness: 0, hideQuotes: false }],
    [{ showParaphrase: false, strictness: 0.5, hideQuotes: true }, { showParaphrase: false, strictness: 0.5, hideQuotes: true }],
    [{ hideQuotes: 'no' }, DEFAULT_MATCH_SETTINGS],
    [{ strictness: Number.NaN }, DEFAULT_MATCH_SETTINGS],
    [{ strictness: '0.9' }, DEFAULT_MATCH_SETTINGS],
    ['strict', DEFAULT_MATCH_SETTINGS],
    [null, DEFAULT_MATCH_SETTINGS],
  ])('%j -> %j', (raw, expected) => expect(migrateMatchSettings(raw)).toEqual(expected));
});

describe('presetOf', () => {
  it.each([
    [STRICTNESS_PRESETS.strict, 'strict'],
    [STRICTNESS_PRESETS.balanced, 'balanced'],
    [STRICTNESS_PRESETS.lenient, 'lenient'],
    [0.95, 'strict'],
    [0.55, 'balanced'],
    [0, 'lenient'],
  ])('%s -> %s', (value, preset) => expect(presetOf(value)).toBe(preset));
});

describe('migrateReadingMemory', () => {
  it.each([
    [undefined, { enabled: false, sites: [] }],
    [null, { enabled: false, sites: [] }],
    ['on', { enabled: false, sites: [] }],
    [[true], { enabled: false, sites: [] }],
    [{ enabled: 'true', sites: ['a.com'] }, { enabled: false, sites: ['a.com'] }],
    [{ enabled: true }, { enabled: true, sites: [] }],
    [{ enabled: true, sites: 'a.com' }, { enabled: true, sites: [] }],
    [{ enabled: true, sites: ['WWW.B.com', 'a.com', 'a.com', 'not a host', 3, '127.0.0.1'] }, { enabled: true, sites: ['127.0.0.1', 'a.com', 'b.com'] }],
  ])('%j -> %j', (raw, expected) => expect(migrateReadingMemory(raw)).toEqual(expected));
});
