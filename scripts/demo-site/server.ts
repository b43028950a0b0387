import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadDemoArticles } from './articles';
import { buildSite, type DemoSiteMap, type SitePage } from './site-map';

/** The running demo site. */
export interface DemoSite extends DemoSiteMap {
  port: number;
  /** Stops every listener. */
  close(): Promise<void>;
}

/** Loopback address of the index and special pages; outlet i is served from 127.0.0.(10+i),
 *  so every outlet has its own host, as on the web (the engine leaves out the page's own host). */
export const INDEX_HOST = '127.0.0.1';
export function outletHost(index: number): string {
  return `127.0.0.${10 + index}`;
}

/** Builds the pages from the seeds and serves them with node:http on one port on several
 *  loopback addresses (port 0 = a free one). Nothing on the site loads from elsewhere. */
export async function startDemoSite(opts: { port?: number } = {}): Promise<DemoSite> {
  const articles = await loadDemoArticles();
  const hosts = [INDEX_HOST, ...articles.map((_, i) => outletHost(i))];
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { servers, port } = await listenAll(hosts, opts.port ?? 0);
      const site = buildSite(articles, (host, path) => `http://${host}:${port}${path}`, INDEX_HOST, outletHost);
      for (const server of servers) server.on('request', (req, res) => respond(site.routes, req, res));
      const close = () => Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done())))).then(() => undefined);
      return { ...site.map, port, close };
    } catch (error) {
      lastError = error;
      if (opts.port) break;
    }
  }
  throw new Error(`could not serve the demo site on ${hosts.join(', ')}: ${String(lastError)}`);
}

async function listenAll(hosts: string[], port: number): Promise<{ servers: Server[]; port: number }> {
  const servers: Server[] = [];
  try {
    for (const host of hosts) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((done, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => done());
      });
      port = (server.address() as AddressInfo).port;
    }
    return { servers, port };
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }
}

function respond(routes: Map<string, SitePage>, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const page = routes.get(url.pathname) ?? routes.get(`${url.pathname}/`);
  if (!page) {
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(url.pathname === '/favicon.ico' ? '' : 'Not found on the Echoes demo site.');
    return;
  }
  if (page.host && page.host !== host) {
    res.writeHead(302, { Location: page.url });
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': page.type,
    'Cache-Control': 'no-store',
    'X-DNS-Prefetch-Control': 'off',
    ...(page.csp ? { 'Content-Security-Policy': page.csp } : {}),
  });
  res.end(page.body());
}
