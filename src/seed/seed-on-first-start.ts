import { countUsers } from '../accounts/index.js';
import type { ContentDeps } from '../content/index.js';
import { generateDemoSite, renderDemoImage } from '../demo/index.js';
import { renderDemoLogo } from '../demo/demo-logo.js';
import { seedDemoSite } from './seed-demo-site.js';

/**
 * On the first start with an empty database, fills it with the demo publication so
 * `npm start` shows a real site. A database with any account is left alone.
 */
export async function seedDemoOnFirstStart(
  deps: ContentDeps & { mediaDir: string; onProgress: (message: string) => void },
): Promise<boolean> {
  if ((await countUsers(deps.db)) > 0) return false;
  const started = Date.now();
  deps.onProgress('empty database: writing the demo site (once)');
  await seedDemoSite({ ...deps, renderImage: renderDemoImage, renderLogo: renderDemoLogo }, generateDemoSite(deps.clock.now()));
  deps.onProgress(`demo site ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
