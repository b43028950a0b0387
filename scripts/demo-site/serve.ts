/** Serves the demo site until Ctrl+C: `npx tsx scripts/demo-site/serve.ts [port]`. */
import { startDemoSite } from './server';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 0) || 0;
  const site = await startDemoSite({ port });
  console.log(`Echoes demo site: ${site.indexUrl}`);
  for (const outlet of site.outlets) console.log(`  ${outlet.outlet.padEnd(24)} ${outlet.url}`);
  console.log(`  live ${site.live.url}\n  form ${site.form.url}\n  long ${site.long.url} (${site.long.words} words)`);
  console.log(`  ${site.realPages.length} real pages under ${site.indexUrl}real/`);
  process.on('SIGINT', () => void site.close().then(() => process.exit(0)));
}

void main();
