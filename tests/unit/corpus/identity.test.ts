import { describe, expect, it } from 'vitest';
import { textKey, urlKey } from '../../../lib/corpus/identity';

describe('urlKey', () => {
  it.each<[string | null | undefined, string | null]>([
    ['https://www.example.com/news/story', 'example.com/news/story'],
    ['http://example.com/news/story', 'example.com/news/story'],
    ['HTTPS://WWW.Example.COM/news/story', 'example.com/news/story'],
    ['https://example.com/news/story/', 'example.com/news/story'],
    ['https://example.com/news/story//', 'example.com/news/story'],
    ['https://example.com/news/story#comments', 'example.com/news/story'],
    ['https://example.com/', 'example.com'],
    ['https://example.com', 'example.com'],
    ['  https://example.com/a  ', 'example.com/a'],
    ['https://example.com/a?utm_source=x&utm_MEDIUM=y&UTM_campaign=z', 'example.com/a'],
    ['https://example.com/a?fbclid=1&gclid=2&msclkid=3', 'example.com/a'],
    ['https://example.com/a?id=7&utm_source=x', 'example.com/a?id=7'],
    ['https://example.com/a?b=2&a=1', 'example.com/a?a=1&b=2'],
    ['https://example.com/a?tag=x&tag=y', 'example.com/a?tag=x&tag=y'],
    ['https://example.com/A/Story', 'example.com/A/Story'],
    ['https://example.com:8080/a', 'example.com:8080/a'],
    ['https://example.com:443/a', 'example.com/a'],
    ['https://user:pw@example.com/a', 'example.com/a'],
    ['https://news.example.com/a', 'news.example.com/a'],
    ['https://www2.example.com/a', 'www2.example.com/a'],
    ['https://example.com/caf%C3%A9', 'example.com/caf%C3%A9'],
    ['https://example.com/café', 'example.com/caf%C3%A9'],
    [null, null],
    [undefined, null],
    ['', null],
    ['/news/story', null],
    ['not a url', null],
    ['mailto:desk@example.com', null],
    ['file:///home/me/story.html', null],
    ['javascript:alert(1)', null],
  ])('%j -> %j', (url, key) => {
    expect(urlKey(url)).toBe(key);
  });
});

describe('textKey', () => {
  const base = 'The troops will leave "within two days," the president said.\n\nThe mission is over.';

  it('is a short stable hash', () => {
    expect(textKey(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(textKey(base)).toBe(textKey(base));
  });

  it.each([
    ['upper case', base.toUpperCase()],
    ['curly quotes', base.replace('"within', '“within').replace('days,"', 'days,”')],
    ['other whitespace', base.replace('\n\n', ' ').replace('will leave', 'will \t leave')],
    ['leading and trailing whitespace', `\n  ${base}\n`],
    ['CRLF line ends', base.replace('\n\n', '\r\n\r\n')],
    ['a no-break space', base.replace('two days', 'two\u00a0days')],
    ['a soft hyphen', base.replace('president', 'presi\u00addent')],
  ])('ignores %s', (_name, variant) => {
    expect(textKey(variant)).toBe(textKey(base));
  });

  it.each([
    ['a changed word', base.replace('two', 'three')],
    ['a dropped sentence', base.replace('\n\nThe mission is over.', '')],
    ['changed punctuation', base.replace('over.', 'over!')],
    ['a space inside a word', base.replace('mission', 'mis sion')],
  ])('tells apart %s', (_name, variant) => {
    expect(textKey(variant)).not.toBe(textKey(base));
  });
});
