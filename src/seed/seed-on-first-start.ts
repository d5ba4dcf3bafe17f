import type { ContentDeps } from '../content/index.js';
import type { Dialect } from '../db/database.js';
import { generateDemoSite } from '../demo/index.js';
import { seedDemoSite } from './seed-demo-site.js';
import { InterruptedSeedError } from './seed-errors.js';
import { readSeedState, wipePartialDemo, withSeedLock, writeSeedState } from './seed-state.js';

export interface FirstStartDeps extends ContentDeps {
  dialect: Dialect;
  mediaDir: string;
  onProgress: (message: string) => void;
  /** test hook: see SeedDeps.onStep */
  onStep?: (step: string) => void;
}

/**
 * On a start with an empty database, fills it with the demo publication so `npm start`
 * shows a real site; all or nothing: a seed cut short (the process killed) is removed and
 * written again on the next start. A database with accounts and no demo marker is left alone.
 */
export async function seedDemoOnFirstStart(deps: FirstStartDeps): Promise<boolean> {
  return withSeedLock(deps.db, deps.dialect, async () => {
    const state = await readSeedState(deps.db);
    if (state === 'complete') return false;
    const site = generateDemoSite(deps.clock.now());
    if (state === 'started') {
      const demoEmails = new Set(site.authors.map((a) => a.email.toLowerCase()));
      const users = await deps.db.selectFrom('users').select('email').execute();
      const others = users.filter((u) => !demoEmails.has(u.email.toLowerCase()));
      if (others.length > 0) {
        throw new InterruptedSeedError(
          `the demo was cut short while being written, and ${others.length} account(s) were added since (${others[0]!.email}); ` +
            'finish by hand or start with DEMO_CONTENT=off',
        );
      }
      deps.onProgress('the demo was cut short last time: removing the partial demo');
      await wipePartialDemo(deps.db, deps.mediaDir);
    } else if (await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) {
      return false;
    }
    const started = Date.now();
    deps.onProgress(`empty database: writing the demo site (${site.articles.length} articles, once)`);
    await writeSeedState(deps.db, 'started');
    await seedDemoSite(deps, site);
    await writeSeedState(deps.db, 'complete');
    deps.onProgress(`demo site ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  });
}
