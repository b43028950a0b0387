import type { Block } from '../article';
import { readBlocks } from '../clean/blocks';
import { findJsonSyntaxError } from './json-error';
import { checkFacts, isPlainObject, type ArticleFacts } from './manifest';
import { readMoment } from '../meta/moments';

/** One article read from a JSON/JSONL file, checked; `label` names it in errors
 *  ("article 3 in x.json", "line 5 of x.jsonl"). `blocks`, when given (an export does),
 *  are valid offsets into `text`, which is then already clean. */
export interface ArticleRecord extends ArticleFacts {
  id?: string;
  text: string;
  blocks?: Block[];
  /** The stated time of day on `published` ("2019-11-18T19:09:22+00:00"), as an export writes it. */
  publishedAt?: string;
  label: string;
}

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const FIELDS_HINT = '{"outlet", "text", "url"?, "published"?, "title"?, "id"?}';
const SHAPE_HINT = `give an array of ${FIELDS_HINT} objects`;
const LINE_HINT = `put one ${FIELDS_HINT} object on each line`;

/** A .json file: an array of articles or one article object. */
export function readJsonArticles(fileName: string, content: string): Read<ArticleRecord[]> {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    const where = findJsonSyntaxError(content);
    const at = where ? ` at line ${where.line}, column ${where.column} (${where.reason})` : '';
    return { ok: false, error: `${fileName} is not valid JSON${at}: fix the file and load it again` };
  }
  const items = Array.isArray(value) ? value : isPlainObject(value) ? [value] : null;
  if (!items) return { ok: false, error: `${fileName} is not a JSON array of articles: ${SHAPE_HINT}` };
  const records: ArticleRecord[] = [];
  for (const [i, item] of items.entries()) {
    const record = toRecord(item, `article ${i + 1} in ${fileName}`, SHAPE_HINT);
    if (!record.ok) return record;
    records.push(record.value);
  }
  return { ok: true, value: records };
}

/** A .jsonl file: one article object per non-blank line. */
export function readJsonlArticles(fileName: string, content: string): Read<ArticleRecord[]> {
  const records: ArticleRecord[] = [];
  for (const [i, line] of content.split(/\r?\n/).entries()) {
    const record = readJsonlLine(fileName, line, i + 1);
    if (!record.ok) return record;
    if (record.value) records.push(record.value);
  }
  return { ok: true, value: records };
}

/** Line `lineNumber` (1-based) of a .jsonl file: its article, null for a blank line, or the
 *  error naming the line. The one rule for JSONL lines, read whole or streamed. */
export function readJsonlLine(fileName: string, line: string, lineNumber: number): Read<ArticleRecord | null> {
  if (line.trim() === '') return { ok: true, value: null };
  const label = `line ${lineNumber} of ${fileName}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    const where = findJsonSyntaxError(line);
    const at = where ? ` at column ${where.column} (${where.reason})` : '';
    return { ok: false, error: `${label} is not valid JSON${at}: put one article object on each line` };
  }
  return toRecord(value, label, LINE_HINT);
}

function toRecord(value: unknown, label: string, hint: string): Read<ArticleRecord> {
  if (!isPlainObject(value)) return { ok: false, error: `${label} is not an article object: ${hint}` };
  if (typeof value.text !== 'string' || value.text.trim() === '') {
    const why = value.text === undefined ? 'has no "text"' : typeof value.text === 'string' ? 'has an empty "text"' : 'has a "text" that is not a string';
    return { ok: false, error: `${label} ${why}: every article needs its text as a string` };
  }
  if (value.id !== undefined && (typeof value.id !== 'string' || value.id.trim() === '')) {
    return { ok: false, error: `${label}: "id" must be a non-empty string (or left out)` };
  }
  const problem = checkFacts(value, label) ?? checkMoment(value.publishedAt, label);
  if (problem) return { ok: false, error: problem };
  const { id, text, outlet, site, url, published, credit, title } = value as unknown as ArticleRecord;
  const publishedAt = typeof value.publishedAt === 'string' ? value.publishedAt : undefined;
  const facts = Object.entries({ outlet, site, url, published, credit, title, publishedAt }).filter(([, v]) => v !== undefined);
  if (value.blocks === undefined) return { ok: true, value: { ...Object.fromEntries(facts), id, text, label } };
  const blocks = readBlocks(value.blocks, text, label);
  if (!blocks.ok) return blocks;
  return { ok: true, value: { ...Object.fromEntries(facts), id, text, blocks: blocks.blocks, label } };
}

/** Why a record's "publishedAt" is unusable, or null when it is absent, null or a readable time. */
function checkMoment(value: unknown, label: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && readMoment(value)) return null;
  return `${label}: "publishedAt" ${JSON.stringify(value)} is not a time; use an ISO date and time such as 2019-11-18T19:09:22+00:00, or leave it out`;
}
