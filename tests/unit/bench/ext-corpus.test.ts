import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import { echoedSentences, longArticleHtml, writeCorpusFiles } from '../../../scripts/bench/ext/ext-corpus';
import { createRng } from '../../../scripts/bench/prng';
import { generateCorpus } from '../../../scripts/bench/synthetic-corpus';
import { createVocabulary } from '../../../scripts/bench/vocabulary';

const seeds = ['The minister said on Tuesday that the new bridge would open to traffic next spring.'];
const corpus = generateCorpus(60, createVocabulary(createRng(42), 2_000, seeds[0]!.split(' ')), seeds, createRng(7));
const dir = mkdtempSync(join(tmpdir(), 'echoes-ext-corpus-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench corpus as files a user imports', () => {
  const maxBytes = 40_000;
  const paths = writeCorpusFiles(corpus.articles, dir, maxBytes);

  it('cuts the corpus into .jsonl files under the byte limit', () => {
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) expect(statSync(path).size).toBeLessThanOrEqual(maxBytes);
  });

  it('reads back, through the import rules, as the same articles in the same order', () => {
    const read = paths.flatMap((path) => {
      const result = ingestFile(basename(path), readFileSync(path, 'utf8'));
      if (!result.ok) throw new Error(result.error);
      return result.articles;
    });
    expect(read).toEqual(corpus.articles);
  });
});

describe('the long article', () => {
  it('carries one long sentence from each of the picked articles', () => {
    const echoed = echoedSentences(corpus.articles, 10);
    expect(echoed).toHaveLength(10);
    for (const sentence of echoed) {
      expect(sentence.split(/\s+/).length).toBeGreaterThanOrEqual(12);
      expect(corpus.articles.some((a) => a.text.includes(sentence))).toBe(true);
    }
    const text = longArticleHtml(echoed, 2_000).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const sentence of echoed) expect(text).toContain(sentence);
  });
});
