import { describe, expect, it } from 'vitest';
import { corpusFileSizeError, decodeCorpusBytes, looksBinary, MAX_CORPUS_FILE_BYTES } from '../../../lib/corpus/files/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);

describe('decodeCorpusBytes', () => {
  it.each<[string, Uint8Array, string]>([
    ['plain UTF-8', utf8('Hello, world.'), 'Hello, world.'],
    ['a UTF-8 byte order mark is dropped', bytes(0xef, 0xbb, 0xbf, 0x48, 0x69, 0x2e), 'Hi.'],
    ['accents, curly quotes, emoji', utf8('Café “déjà vu” — 👍'), 'Café “déjà vu” — 👍'],
    ['CRLF, tabs and a form feed stay', utf8('a\r\n\tb\fc'), 'a\r\n\tb\fc'],
    ['empty (ingestFile names it)', new Uint8Array(0), ''],
    ['a few control characters in long text', utf8(`${'word '.repeat(100)}\x1b[0m`), `${'word '.repeat(100)}\x1b[0m`],
  ])('%s', (_name, input, text) => {
    expect(decodeCorpusBytes('a.txt', input)).toEqual({ ok: true, text });
  });

  it.each<[string, Uint8Array, string]>([
    ['a UTF-16 LE file', utf16le('Hello'), 'a.txt is UTF-16 text, not UTF-8: save it as UTF-8 (in most editors: Save As, encoding UTF-8) and load it again'],
    ['a UTF-16 BE file', bytes(0xfe, 0xff, 0, 0x48), 'a.txt is UTF-16 text, not UTF-8: save it as UTF-8 (in most editors: Save As, encoding UTF-8) and load it again'],
    ['a UTF-32 LE file', bytes(0xff, 0xfe, 0, 0, 0x48, 0, 0, 0), 'a.txt is UTF-32 text, not UTF-8: save it as UTF-8 (in most editors: Save As, encoding UTF-8) and load it again'],
    ['Latin-1 text', bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b), 'a.txt is not valid UTF-8 text: save it as UTF-8'],
    ['a PNG (NULs and invalid UTF-8)', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'a.txt looks like a binary file, not text: corpus files must be UTF-8 text'],
    ['valid UTF-8 with a NUL', utf8('abc\0def'), 'a.txt looks like a binary file, not text: corpus files must be UTF-8 text'],
    ['mostly control characters', utf8('a\x01\x02\x03\x04b'), 'a.txt looks like a binary file, not text: corpus files must be UTF-8 text'],
  ])('refuses %s', (_name, input, error) => {
    expect(decodeCorpusBytes('a.txt', input)).toEqual({ ok: false, error });
  });

  it('refuses more bytes than the limit without decoding them, saying size, limit and what to do', () => {
    expect(decodeCorpusBytes('big.jsonl', new Uint8Array(2048), 1024)).toEqual({
      ok: false, error: 'big.jsonl is 2.0 KB, over the 1 KB limit: split it into smaller files',
    });
    expect(decodeCorpusBytes('ok.txt', utf8('x'.repeat(1024)), 1024)).toEqual({ ok: true, text: 'x'.repeat(1024) });
  });
});

describe('corpusFileSizeError', () => {
  it.each<[number, number | undefined, string | null]>([
    [MAX_CORPUS_FILE_BYTES, undefined, null],
    [MAX_CORPUS_FILE_BYTES + 1, undefined, 'f is 20.0 MB, over the 20 MB limit: split it into smaller files'],
    [31.26 * 1048576, undefined, 'f is 31.3 MB, over the 20 MB limit: split it into smaller files'],
    [1.5 * 1048576 + 1, 1.5 * 1048576, 'f is 1.5 MB, over the 1.5 MB limit: split it into smaller files'],
    [11, 10, 'f is 11 bytes, over the 10 bytes limit: split it into smaller files'],
  ])('%d bytes, limit %s', (size, limit, error) => {
    expect(corpusFileSizeError('f', size, limit)).toBe(error);
  });

  it('the limit is 20 MB', () => {
    expect(MAX_CORPUS_FILE_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('looksBinary', () => {
  it.each<[string, boolean]>([
    ['An ordinary sentence.\n\nAnother one.', false],
    ['tab\tand\r\nlines\vand\fpages', false],
    ['a\0b', true],
    ['\x01\x02\x03 abc', true],
    [`${'x'.repeat(8192)}\0`, false], // only the first 8192 characters are read
  ])('%j -> %s', (text, expected) => {
    expect(looksBinary(text)).toBe(expected);
  });
});
