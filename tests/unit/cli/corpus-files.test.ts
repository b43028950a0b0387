import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CORPUS_FILE_BYTES, loadCorpusPath, loadSeedCorpus } from '../../../lib/cli/corpus-files';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'echoes-corpus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const write = (name: string, content: string | Uint8Array) => writeFile(join(dir, name), content);

describe('loadCorpusPath', () => {
  it('reads a folder in name order with sources.json, skipping other files and subfolders', async () => {
    await write('b.txt', 'Second article text.');
    await write('a.json', JSON.stringify([{ id: 'j1', outlet: 'Wire', text: 'First article text.' }]));
    await write('notes.md', 'not corpus');
    await write('sources.json', JSON.stringify({ 'b.txt': { outlet: 'Blog B', url: 'https://b.example/x' } }));
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'c.txt'), 'Ignored.');
    const result = await loadCorpusPath(dir);
    expect(result.ok && result.articles.map((a) => [a.id, a.outlet, a.site])).toEqual([
      ['j1', 'Wire', null], ['b', 'Blog B', 'b.example'],
    ]);
  });

  it('reads one file with the sources.json beside it', async () => {
    await write('a.txt', 'Text of a.');
    await write('sources.json', JSON.stringify({ a: { outlet: 'Outlet A' } }));
    const result = await loadCorpusPath(join(dir, 'a.txt'));
    expect(result.ok && result.articles.map((a) => a.outlet)).toEqual(['Outlet A']);
  });

  it('drops a UTF-8 byte order mark', async () => {
    await write('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69, 0x2e]));
    const result = await loadCorpusPath(join(dir, 'a.txt'));
    expect(result.ok && result.articles[0]!.text).toBe('Hi.');
  });

  it.each<[string, (d: string) => Promise<unknown>, (d: string) => string, string]>([
    ['a missing path', async () => {}, (d) => join(d, 'nope'), '{path} not found: give a corpus folder or file'],
    ['a folder without corpus files', (d) => writeFile(join(d, 'x.md'), 'x'), (d) => d, 'no corpus files in {dir}: add .txt, .json, .jsonl, .html or feed (.xml, .rss, .atom) files'],
    ['invalid UTF-8', (d) => writeFile(join(d, 'a.txt'), new Uint8Array([0x61, 0xff, 0xfe, 0x62])), (d) => d, '{dir}/a.txt is not valid UTF-8 text: save it as UTF-8'],
    ['a file over 20 MB', (d) => writeFile(join(d, 'a.txt'), 'x').then(() => truncate(join(d, 'a.txt'), MAX_CORPUS_FILE_BYTES + 1)), (d) => d, '{dir}/a.txt is 20.0 MB, over the 20 MB limit: split it into smaller files'],
    ['a bad sources.json', (d) => Promise.all([writeFile(join(d, 'a.txt'), 'A.'), writeFile(join(d, 'sources.json'), '{"a.txt": 1}')]), (d) => d, 'entry "a.txt" in {dir}/sources.json must be an object like {"outlet": "…", "url": "…"}'],
    ['the manifest itself', (d) => writeFile(join(d, 'sources.json'), '{}'), (d) => join(d, 'sources.json'), '{path} is the manifest, not articles: give its folder instead'],
    ['the same id in two files', (d) => Promise.all([writeFile(join(d, 'a.txt'), 'A.'), writeFile(join(d, 'b.json'), '[{"id":"a","text":"B."}]')]), (d) => d, 'article id "a" is in both a.txt and b.json: ids must be unique'],
    ['a bad file in the folder', (d) => writeFile(join(d, 'a.json'), '{"text": 1}'), (d) => d, 'article 1 in a.json has a "text" that is not a string: every article needs its text as a string'],
  ])('reports %s', async (_name, setup, pathOf, error) => {
    await setup(dir);
    const path = pathOf(dir);
    const expected = error.replaceAll('{path}', path).replaceAll('{dir}', dir);
    expect(await loadCorpusPath(path)).toEqual({ ok: false, error: expected });
  });
});

describe('loadSeedCorpus', () => {
  it('loads the five seeds with their manifest metadata', async () => {
    const seeds = await loadSeedCorpus();
    expect(seeds.map((a) => [a.id.slice(0, 3), a.outlet, a.published])).toEqual([
      ['000', 'TRT World', '2022-01-11'],
      ['001', 'The Moscow Times', '2022-01-11'],
      ['002', 'DT Next', '2022-01-13'],
      ['003', 'Unknown blog (spun Al Jazeera copy)', '2022-01-21'],
      ['004', 'Unknown blog (RFE/RL rewrite)', '2022-01-12'],
    ]);
    expect(seeds[1]).toMatchObject({ credit: 'AFP', site: 'themoscowtimes.com', url: expect.stringMatching(/-in-2-days-president-a76007$/) });
  });
});

const sharedSeeds = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const repoSeeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
if (!existsSync(sharedSeeds)) console.warn(`skipping the seed copy check: ${sharedSeeds} is absent`);
describe.skipIf(!existsSync(sharedSeeds))('seed copies', () => {
  it.each(existsSync(sharedSeeds) ? readdirSync(sharedSeeds).filter((n) => n.endsWith('.txt')) : [])('%s is byte-identical to the shared seed', (name) => {
    expect(readFileSync(repoSeeds + name).equals(readFileSync(sharedSeeds + name))).toBe(true);
  });
});
