import { fileURLToPath } from 'node:url';
import { freePort, startChild, stopChild, waitForHttp } from './children.js';
import type { RunningServer } from './dossier-server.js';
import type { StaticArticle } from './static-article.js';

const SERVER_SCRIPT = fileURLToPath(new URL('./bare-node-server.ts', import.meta.url));

/** Starts the bare `http` reference in its own process, so it has a core of its own as Dossier does. */
export async function startBareNode(article: StaticArticle): Promise<RunningServer> {
  const port = await freePort();
  // tsx only loads the file; once listening, the process is plain Node.
  const child = startChild(process.execPath, ['--import', 'tsx', SERVER_SCRIPT, String(port), article.gzFile], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin + article.urlPath, child);
  return { origin, pid: child.pid!, stop: () => stopChild(child) };
}
