/** The newsroom server a reader has added (address and token), stored in this browser only
 *  ('local:': a token must not travel with the browser's sync), and the host permission that
 *  lets the extension reach it, asked for that one origin only when the server is added. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { matchUrlOf, type NewsroomServer } from '../../report/newsroom-client';

/** 'local:newsroomServer': the server, or null when none is set (see migrateNewsroomServer). */
export const newsroomServerItem = storage.defineItem<NewsroomServer | null>('local:newsroomServer', { fallback: null, version: 1 });

/** A stored value as a server, or null for anything malformed (a hand-edited or old value). */
export function migrateNewsroomServer(raw: unknown): NewsroomServer | null {
  const x = raw as Partial<NewsroomServer> | null;
  if (!x || typeof x.url !== 'string' || typeof x.token !== 'string' || !matchUrlOf(x.url) || x.token.trim() === '') return null;
  return { url: x.url, token: x.token };
}

/** The server as stored, checked. */
export async function readNewsroomServer(): Promise<NewsroomServer | null> {
  return migrateNewsroomServer(await newsroomServerItem.getValue());
}

/** The permission pattern for a server's origin ("https://news.example:8443/*"); null for an
 *  address that is not http(s). */
export function originPatternOf(url: string): string | null {
  if (!matchUrlOf(url)) return null;
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** Checks the form's values: the address (trimmed) and token, or what to fix. */
export function checkNewsroomForm(url: string, token: string): NewsroomServer | { error: string } {
  const address = url.trim();
  if (!matchUrlOf(address)) return { error: 'The address must start with http:// or https://, e.g. https://echoes.newsroom.example' };
  if (token.trim() === '') return { error: 'Paste the token the server\'s operator gave you (npm run server -- token prints one).' };
  return { url: address, token: token.trim() };
}

/** What reaching a server takes: its origin, and in Firefox the reader's consent to send
 *  "website content" (the manifest's optional data collection: a page's hashes are derived from
 *  its text and leave the browser, which nothing else in Echoes does). */
export function newsroomPermissions(pattern: string, firefox: boolean = import.meta.env.FIREFOX): { origins: string[]; data_collection?: string[] } {
  return firefox ? { origins: [pattern], data_collection: ['websiteContent'] } : { origins: [pattern] };
}

/** Asks for the server's permissions (must run in the click that saves) and stores the server
 *  when granted; answers an error to show, or null when saved. */
export async function addNewsroomServer(url: string, token: string): Promise<string | null> {
  const checked = checkNewsroomForm(url, token);
  if ('error' in checked) return checked.error;
  const pattern = originPatternOf(checked.url) as string;
  const granted = await browser.permissions.request(newsroomPermissions(pattern)).catch(() => false);
  if (!granted) return `Echoes needs your permission to reach ${new URL(checked.url).host}: the server was not added.`;
  await newsroomServerItem.setValue(checked);
  return null;
}

/** Forgets the server and gives its host permission back. */
export async function removeNewsroomServer(): Promise<void> {
  const held = await readNewsroomServer();
  await newsroomServerItem.setValue(null);
  const pattern = held ? originPatternOf(held.url) : null;
  if (pattern) await browser.permissions.remove(newsroomPermissions(pattern)).catch(() => false);
}

/** Whether the extension may reach the server (the reader may have revoked it meanwhile). */
export async function mayReach(server: NewsroomServer): Promise<boolean> {
  const pattern = originPatternOf(server.url);
  return pattern !== null && (await browser.permissions.contains(newsroomPermissions(pattern)).catch(() => false));
}
