import { esc, htmlDocument } from './html';
import { createRng } from '../bench/prng';

const SUBJECTS = ['The city council', 'A regional planning board', 'The harbour authority', 'Local farmers', 'The national rail operator',
  'A group of teachers', 'The weather service', 'Hospital managers', 'The football club', 'Museum curators', 'Two software firms', 'The ferry company'];
const VERBS = ['reviewed', 'postponed', 'announced', 'questioned', 'approved', 'criticised', 'welcomed', 'published', 'rejected', 'extended'];
const OBJECTS = ['a plan for cheaper bus fares', 'the new cycling lanes', 'a report on river pollution', 'the winter timetable',
  'a scheme to repair old bridges', 'the budget for school meals', 'an exhibition of medieval maps', 'the rules for street markets',
  'a study of apple harvests', 'proposals for a quieter airport', 'the reopening of the public library', 'a tender for electric buses'];
const TAILS = ['on Monday', 'after a long debate', 'despite objections from residents', 'for the third year running', 'at a short meeting',
  'ahead of the spring holidays', 'without giving a reason', 'to the surprise of many observers', 'in a brief statement', 'late in the evening'];
const ASIDES = ['Officials said more details would follow next month.', 'Critics called the decision overdue.',
  'The figures will be checked by an independent auditor.', 'Residents can comment until the end of the month.',
  'Several members abstained from the vote.', 'A spokesperson declined to comment further.'];

/** A seeded source (the bench's mulberry32), so the long page is the same on every run. */
const random = (seed: number): (() => number) => createRng(seed).next;

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] ?? items[0]!;
}

/** Paragraphs of about `targetWords` words: generated local-news filler with one of
 *  `echoed` (seed sentences) placed in every other paragraph, in order, until they run out. */
export function longPageParagraphs(echoed: readonly string[], targetWords = 10_000, seed = 7): string[] {
  const next = random(seed);
  const paragraphs: string[] = [];
  let words = 0;
  let echoedIndex = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      sentences.push(`${pick(SUBJECTS, next)} ${pick(VERBS, next)} ${pick(OBJECTS, next)} ${pick(TAILS, next)}.`);
      if (next() < 0.3) sentences.push(pick(ASIDES, next));
    }
    if (paragraphs.length % 2 === 1 && echoedIndex < echoed.length) {
      sentences.splice(Math.floor(next() * sentences.length), 0, echoed[echoedIndex++]!);
    }
    const paragraph = sentences.join(' ');
    words += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** The long page (~10,000 words) used to time highlighting on a big article. */
export function renderLongPage(paragraphs: readonly string[]): string {
  const words = paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);
  const body = `<header style="background:#0b3d2e;color:#fff;padding:14px 24px;font-weight:700">The Long Read Weekly</header>
<main style="max-width:720px;margin:24px auto;padding:0 24px">
<article>
<h1>A year of small decisions: the long read</h1>
<p class="meta"><em>${words} words</em></p>
${paragraphs.map((p, i) => (i > 0 && i % 12 === 0 ? `<h2>Part ${i / 12 + 1}</h2>\n` : '') + `<p>${esc(p)}</p>`).join('\n')}
</article>
</main>`;
  return htmlDocument({ title: 'A year of small decisions: the long read', style: 'body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fdfdfb}', body });
}
