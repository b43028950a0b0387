// The XML of a feed read a piece at a time (lib/corpus/feeds/xml-slices.ts) must answer what
// one call on the whole document answers, for hostile documents too: CDATA and comments that
// hold "</item>", entities, declarations, odd nesting, prefixes, and broken XML of every kind
// (the same error, line and column). A seeded run of random corruptions backs the table.
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedInSlices, type Slicing } from '../../../../lib/corpus/feeds/parse-feed';
import { cutAtItems, readXmlInSlices, type XmlCut } from '../../../../lib/corpus/feeds/xml-slices';
import { parseXml } from '../../../../lib/corpus/feeds/xml-feed';
import { atomFeed, rssFeed, storyParagraphs } from './feed-samples';

/** A clock that moves 1 ms per look, in slices of 3 ms: many pauses, counted. */
function slicing(): Slicing & { pauses: number } {
  let t = 0;
  const s = { pauses: 0, now: () => t++, sliceMs: 3, pause: async () => void s.pauses++ };
  return s;
}

function cut(xml: string): XmlCut | null {
  const steps = cutAtItems(xml);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const rss = (items: string, channelExtra = '') => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Hostile &amp; Co</title><link>https://hostile.example/</link>${channelExtra}
${items}
</channel></rss>`;
const item = (n: number, body = '') => `<item><title>Story ${n}</title><link>https://hostile.example/${n}</link><guid>g-${n}</guid><pubDate>Tue, 0${1 + (n % 3)} Dec 2026 08:00:00 GMT</pubDate>${body}</item>`;

const WELL_FORMED: Array<[string, string]> = [
  ['CDATA holding item tags', rss(item(1, '<description><![CDATA[<p>The </item> ends <item> here]]></description>') + item(2))],
  ['comments holding item tags, between and inside items', rss(`<!-- <item><title>fake</title></item> -->${item(1, '<!-- </item> -->')}<!-- </channel> -->${item(2)}`)],
  ['entities, named, numeric and HTML ones', rss(item(1, '<description>&lt;item&gt; &#60;/item&#62; caf&eacute; &nbsp;&amp;amp; &#x263A;</description>') + `<item><title>&#101;choes-piece-0</title></item>`)],
  ['an item whose text is the stand-in itself', rss(`<item>echoes-piece-0</item><item>echoes-piece-x3</item>${item(3)}`, '<description>echoes-piece-0</description>')],
  ['a DOCTYPE-free feed holding every stand-in tried', rss(item(1, '<description>echoes-piece- echoes-piece-x echoes-piece-y echoes-piece-z</description>'))],
  ['a DOCTYPE declaring an entity the items use', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY wire "Agence Example">]><rss version="2.0"><channel><title>T</title>${item(1, '<dc:creator>&wire;</dc:creator>')}</channel></rss>`],
  ['processing instructions holding "</item>"', rss(`<?render </item> ?>${item(1, '<?php echo "</item>"; ?>')}`)],
  ['attribute values holding ">" and "/>"', rss(`<item><title a="1 > 0" b='x/>y'>Attr</title><enclosure url="https://e.example/a.mp3" length="1" type="audio/mpeg"/><guid isPermaLink="false">p</guid></item>`)],
  ['self-closing and empty items', rss(`<item/><item />${item(2)}<item></item>`)],
  ['an item inside an item, and items under other parents', `<rss version="2.0"><channel><title>T</title><image><item><title>in image</title></item></image>${item(1, '<item><title>nested</title></item>')}</channel>${item(9)}</rss>`],
  ['text of the channel around its items', rss(`before ${item(1)} between ${item(2)} after`)],
  ['a no-break space and a line separator between items', rss(`${item(1)}\u00a0${item(2)}\u2028${item(3)}`)],
  ['items and entries side by side, prefixed and not', rss(`${item(1)}<entry><id>e</id></entry>${item(2)}\n<x:item xmlns:x="urn:x"><title>px</title></x:item>\n${item(3)}`)],
  ['RDF with prefixed items', `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel rdf:about="https://r.example/"><rss:title>R</rss:title></rss:channel><rss:item rdf:about="https://r.example/a"><rss:title>A</rss:title><rss:link>https://r.example/a</rss:link></rss:item><rss:item rdf:about="https://r.example/b"><rss:title>B</rss:title></rss:item></rdf:RDF>`],
  ['Atom with prefixed entries and xhtml content', `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>A</a:title><a:entry><a:id>e1</a:id><a:title type="html">&lt;b&gt;x&lt;/b&gt;</a:title><a:link href="https://a.example/1"/><a:content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two <em>three</em></p></div></a:content></a:entry><a:entry><a:id>e2</a:id></a:entry></a:feed>`],
  ['an item with whitespace inside its tags', rss(`<item ><title >Spaced</title ></item\n>${item(2)}`)],
  ['no items at all', rss('')],
  // Not well-formed XML, yet fast-xml-parser's check lets them through: read the same either way.
  ['"<" inside an attribute of an item', rss(`<item><link href="a<b"/></item>${item(2)}`)],
  ['an unknown entity in an item', rss(`<item><title>&bogus;</title></item>${item(2)}`)],
  ['a sample RSS feed', rssFeed('Sample', 'https://s.example/', Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, url: `https://s.example/${i}`, title: `S ${i} &amp; more`, published: '2026-12-01T08:00:00Z', author: 'A', paragraphs: storyParagraphs('Velden', i, 3) })))],
  ['a sample Atom feed', atomFeed('Sample', 'https://s.example/', Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, url: `https://s.example/${i}`, title: `S <b>${i}</b>`, published: '2026-12-01T08:00:00Z', author: 'A', paragraphs: storyParagraphs('Velden', i, 3) })))],
];

const BROKEN: Array<[string, string]> = [
  ['an item never closed', rss(`${item(1)}<item><title>open</title>`)],
  ['mismatched tags inside an item', rss(`${item(1)}<item><title>x</link></item>`)],
  ['a stray </item>', rss(`${item(1)}</item>`)],
  ['a comment never closed', rss(`${item(1, '<!-- never')}`)],
  ['CDATA never closed', rss(`${item(1, '<description><![CDATA[ never')}`)],
  ['a duplicate attribute on an item', rss(`<item a="1" a="2"><title>x</title></item>`)],
  ['"<" in the text of an item', rss(`<item><title>1 < 2</title></item>`)],
  ['a character reference that is none', rss(`<item><title>&#xZZ;</title></item>`)],
  ['an unquoted attribute', rss(`<item><guid isPermaLink=false>x</guid></item>`)],
  ['text after the root', `${rss(item(1))}trailing`],
  ['two roots', `${rss(item(1))}<rss><channel/></rss>`],
];

describe('feed XML read in pieces', () => {
  it.each(WELL_FORMED)('%s: what one call answers', async (_name, xml) => {
    const whole = parseFeed(xml, 'https://hostile.example/feed');
    expect(await parseFeedInSlices(xml, 'https://hostile.example/feed', slicing())).toEqual(whole);
    // And the parsed document itself, beyond what a Feed keeps of it.
    expect(await readXmlInSlices(xml, slicing())).toEqual(parseXml(xml));
    // Read in pieces indeed, but for the DOCTYPE and the feed holding every stand-in.
    expect(cut(xml) === null).toBe(/DOCTYPE declaring|every stand-in/.test(_name));
  });

  it.each(BROKEN)('%s: the same error, line and column', async (_name, xml) => {
    const whole = parseFeed(xml);
    expect(whole).toMatchObject({ ok: false, error: expect.stringMatching(/not well-formed XML \(line \d+, column \d+/) });
    expect(await parseFeedInSlices(xml, null, slicing())).toEqual(whole);
  });

  it('cuts a feed at its outermost items, prefixes kept; leaves a DOCTYPE or unknown markup to one call', () => {
    const nested = cut(WELL_FORMED.find(([n]) => n.startsWith('an item inside'))![1])!;
    // Three runs: the image's item, the channel's, the one under <rss> itself.
    expect(nested.runs.map((r) => r.pieces.length)).toEqual([1, 1, 1]);
    expect(nested.runs[1]!.pieces[0]).toContain('<item><title>nested</title></item>');
    expect(nested.skeleton).not.toContain('nested');
    // Siblings with only white space between them are one run; text or a comment between starts another.
    expect(cut(rss(`${item(1)}\n  ${item(2)}${item(3)}`))!.runs.map((r) => r.pieces.length)).toEqual([3]);
    expect(cut(rss(`${item(1)} text ${item(2)}<!-- c -->${item(3)}`))!.runs.map((r) => r.pieces.length)).toEqual([1, 1, 1]);
    expect(cut(WELL_FORMED.find(([n]) => n.startsWith('RDF'))![1])!.skeleton).toContain(`<rss:item>echoes-piece-0</rss:item>`);
    // The stand-in is never text the document holds.
    expect(cut(WELL_FORMED.find(([n]) => n.startsWith('an item whose text'))![1])!.slot).toBe('echoes-piece-y');
    // A document holding every stand-in tried is read in one call, and read the same.
    expect(cut(rss(item(1, '<description>echoes-piece- echoes-piece-x echoes-piece-y echoes-piece-z</description>')))).toBeNull();
    expect(cut(WELL_FORMED.find(([n]) => n.startsWith('a DOCTYPE'))![1])).toBeNull();
    expect(cut('<rss><channel><item a=1></item></channel></rss>')).toBeNull();
    expect(cut('<rss><item></rss></item>')).toBeNull();
  });

  it('gives the thread back between batches: a 3,000-item feed (600 kB) takes a pause every few batches', async () => {
    const xml = rss(Array.from({ length: 3000 }, (_, i) => item(i, '<description>Some words about the day.</description>')).join('\n'));
    expect(cut(xml)!.runs).toHaveLength(1);
    const s = slicing();
    expect(await readXmlInSlices(xml, s)).toEqual(parseXml(xml));
    // 3 ms slices on a clock that moves 1 ms a look: a pause at least every third batch of ~16 kB.
    expect(s.pauses).toBeGreaterThanOrEqual(Math.floor(xml.length / 16_000 / 3));
  });

  it('answers what one call answers for 400 random corruptions of a hostile feed', async () => {
    const base = rss(WELL_FORMED.slice(0, 3).map(([, xml]) => xml.slice(xml.indexOf('<item'), xml.lastIndexOf('</channel>'))).join(''));
    const inserts = ['<', '>', '&', '</item>', '<item>', '<!--', '-->', ']]>', '<![CDATA[', '"', '<item/>', '&amp;', '<?x ', '?>', '<!DOCTYPE x>'];
    let seed = 0x5eed;
    const random = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
    let broken = 0;
    for (let run = 0; run < 400; run++) {
      const at = Math.floor(random() * base.length);
      const choice = random();
      const xml = choice < 0.3 ? base.slice(0, at) + base.slice(at + 1 + Math.floor(random() * 8))
        : choice < 0.5 ? base.slice(0, at) + base.slice(at, at + 40) + base.slice(at)
          : base.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + base.slice(at);
      const whole = parseFeed(xml);
      if (!whole.ok) broken++;
      expect(await parseFeedInSlices(xml, null, slicing()), `corruption ${run} at ${at}`).toEqual(whole);
    }
    // The corruptions reach both answers: most break the document, some do not.
    expect(broken).toBeGreaterThan(100);
    expect(broken).toBeLessThan(400);
  });
});
