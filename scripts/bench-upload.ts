/*
 * npx tsx scripts/bench-upload.ts [--runs 3]
 * Starts the built server (dist/, `npm run build` first) on an empty SQLite site of its own,
 * creates an author, signs in through the login form, and uploads a 20-megapixel JPEG
 * through POST /admin/media/upload to its first variant served (scripts/bench/upload.ts,
 * whose measureUpload `npm run bench` can call with its own server, cookie and token).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createUser } from '../src/accounts/index.js';
import { createDb } from '../src/db/create-db.js';
import { systemClock } from '../src/shared/clock.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { EventBus } from '../src/shared/events.js';
import { installCleanupHandlers } from './bench/children.js';
import { startDossier } from './bench/dossier-server.js';
import { measureUpload, signIn, twentyMegapixelJpeg } from './bench/upload.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs));
  installCleanupHandlers();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-upload-'));
  const server = await startDossier(dataDir, true);
  try {
    const { db, close } = createDb({ dialect: 'sqlite', file: path.join(dataDir, 'dossier.db') });
    const password = 'bench upload password';
    await createUser({ db, clock: systemClock, events: new EventBus<DomainEvent>() }, { email: 'bench@example.org', name: 'Bench Author', role: 'author', password });
    await close();
    const { cookie, csrf } = await signIn(server.origin, 'bench@example.org', password);
    const photo = await twentyMegapixelJpeg();
    for (let run = 1; run <= runs; run++) {
      const m = await measureUpload(server.origin, cookie, csrf, server.pid, photo);
      console.log(
        `run ${run}: ${m.width}×${m.height} JPEG, ${(m.bytes / 1024 / 1024).toFixed(1)} MB: upload ${m.uploadMs} ms + first variant ${m.firstVariantMs} ms = ${m.totalMs} ms; server peak RSS ${m.serverPeakRssBeforeMb} → ${m.serverPeakRssMb} MB`,
      );
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
