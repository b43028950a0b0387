import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeHtml, pageFormat, pageFromContent } from '../../../lib/cli/page-input';

describe('decodeText', () => {
  it('drops a BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'a.txt')).toEqual({ ok: true, value: 'hi' });
  });
  it.each([
    ['NUL bytes', new Uint8Array([0x68, 0, 0x69]), 'binary'],
    ['Latin-1', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'not UTF-8'],
  ])('refuses %s', (_name, bytes, message) => {
    const result = decodeText(bytes, 'x.txt');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('looksLikeHtml / pageFormat', () => {
  it.each([
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', true],
    ['  <html lang="en"><p>x</p>', true],
    ['Title\n\n<p>One.</p>\n<p>Two.</p>', true],
    ['Prices rose 5% <and> fell.\n\nA second paragraph.', false],
    ['Plain article text.\n\nMore text.', false],
  ])('%j -> %s', (text, html) => {
    expect(looksLikeHtml(text)).toBe(html);
  });
  it('trusts a known extension over the content', () => {
    expect(pageFormat('a.txt', '<html><p>x</p>')).toBe('text');
    expect(pageFormat('a.HTM', 'plain')).toBe('html');
    expect(pageFormat('-', '<!doctype html><p>x</p>')).toBe('html');
  });
});

describe('pageFromContent', () => {
  const deps = { htmlToArticle: () => ({ title: 'T', text: 'One two three four.', blockStarts: [0], url: 'https://a.example/x' }) };
  it('takes an HTML page\'s text, title and URL from the article finder', () => {
    expect(pageFromContent('page.html', '<p>ignored</p>', deps)).toMatchObject({
      ok: true, value: { source: 'page.html', text: 'One two three four.', title: 'T', url: 'https://a.example/x', outlet: 'a.example', articleId: 'page' },
    });
  });
  it('cleans a text page and keeps offsets into the raw file', () => {
    const raw = 'Headline here\n\nFirst body sentence of the story is here.\n\nSecond body sentence is also here today.';
    const page = pageFromContent('dir/story.txt', raw, deps);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.articleId).toBe('story');
    expect(page.value.sourceOffsets).toHaveLength(page.value.text.length + 1);
    const at = page.value.text.indexOf('Second');
    expect(raw.slice(page.value.sourceOffsets?.[at])).toMatch(/^Second/);
  });
  it.each([
    ['blank text', 'a.txt', '  \n '],
    ['HTML without an article', 'a.html', '<html><body><nav>Home</nav></body></html>'],
  ])('refuses %s', (_name, source, content) => {
    expect(pageFromContent(source, content, { htmlToArticle: () => null }).ok).toBe(false);
  });
});
