import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostOf, parseSourcesManifest } from '../../../lib/corpus/files/manifest';
import { SEEDS_DIR, SEED_FILES } from './seeds';

describe('sources.json', () => {
  const parsed = parseSourcesManifest(readFileSync(SEEDS_DIR + 'sources.json', 'utf8'));
  const manifest = parsed.ok ? parsed.manifest : {};

  it('the seeds manifest parses and has one entry per seed file', () => {
    expect(parsed.ok).toBe(true);
    expect(Object.keys(manifest).sort()).toEqual(SEED_FILES.map(([name]) => name));
  });

  it.each(SEED_FILES)('%s has outlet, published and a note wherever a value is unknown or guessed', (name) => {
    const entry = manifest[name]!;
    expect(entry.outlet).toBeTruthy();
    expect(entry.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (entry.url === null || entry.credit === null || entry.site === null) expect(entry.note).toBeTruthy();
  });

  it.each([
    ['[]', 'sources.json must be an object keyed by file name or article id'],
    ['{', 'sources.json is not valid JSON: fix it or remove it'],
    ['{"a.txt": "TRT"}', 'entry "a.txt" in sources.json must be an object like {"outlet": "…", "url": "…"}'],
    ['{"a.txt": {"outlet": 3}}', 'entry "a.txt" in sources.json: "outlet" must be a string or null, not a number'],
    ['{"a.txt": {"note": null}}', 'entry "a.txt" in sources.json: "note" must be a string, not null'],
    ['{"a.txt": {"published": "Jan 2022"}}', 'entry "a.txt" in sources.json: "published" "Jan 2022" is not a date; use YYYY-MM-DD'],
  ])('rejects %j', (content, error) => {
    expect(parseSourcesManifest(content)).toEqual({ ok: false, error });
  });

  it.each([
    ['https://www.themoscowtimes.com/2022/x', 'themoscowtimes.com'],
    ['http://dtnext.in/a', 'dtnext.in'],
    ['ftp://example.com/a', null],
    ['not a url', null],
    [null, null],
  ])('hostOf(%j) = %j', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});
