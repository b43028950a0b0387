import type { DemoArticle } from './articles';

/** A naive sentence split, good enough to pick demo material (the engine has its own). */
export function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9])/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function comparable(sentence: string): string {
  return sentence.toLowerCase().replace(/[“”"‘’']/g, '').replace(/[–—-]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Body sentences (40+ characters) that another article also has word for word: demo text
 *  that any working matcher must flag. Keyed by the article that has it; order kept. */
export function verbatimSharedSentences(articles: readonly DemoArticle[]): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  const perArticle = articles.map((article) => {
    const sentences = article.blocks
      .filter((b) => b.kind === 'body')
      .flatMap((b) => roughSentences(b.text))
      .filter((s) => s.length >= 40);
    for (const s of sentences) {
      const key = comparable(s);
      owners.set(key, (owners.get(key) ?? new Set()).add(article.articleId));
    }
    return { article, sentences };
  });
  const shared = new Map<string, string[]>();
  for (const { article, sentences } of perArticle) {
    shared.set(article.articleId, sentences.filter((s) => (owners.get(comparable(s))?.size ?? 0) > 1));
  }
  return shared;
}

/** Every body sentence of every article, in article then text order. */
export function allBodySentences(articles: readonly DemoArticle[]): string[] {
  return articles.flatMap((a) => a.blocks.filter((b) => b.kind === 'body').flatMap((b) => roughSentences(b.text)));
}

/** Each shared sentence once (first spelling kept), leaving out ones that open with a quote
 *  mark (the naive split may cut a quotation in two). */
export function distinctShared(shared: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const sentence of [...shared.values()].flat()) {
    const key = comparable(sentence);
    if (seen.has(key) || /^["“‘']/.test(sentence)) continue;
    seen.add(key);
    out.push(sentence);
  }
  return out;
}
