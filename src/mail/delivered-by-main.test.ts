import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../test/spawn-main.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock } from '../shared/clock.js';
import { queueMail } from './queue-mail.js';

describe('the running process delivers the outbox', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-main-mail-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a queued message as an .eml file under DATA_DIR/mail/ on its own', async () => {
    const file = path.join(dir, 'dossier.db');
    const handle = createDb({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db, 'sqlite');
    await queueMail({ db: handle.db, clock: systemClock }, { to: 'desk@example.org', subject: 'Waiting in the outbox', text: 'Sent by the scheduler.' });
    await handle.close();

    const run = await runMain(
      { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO_CONTENT: 'off', SITE_URL: 'https://ledger.example.org', MAIL_FROM: 'Ledger <desk@ledger.example.org>' },
      { stopWhen: /mail delivered/, timeoutMs: 60_000 },
    );
    expect(run.stdout).toMatch(/outgoing mail: files in/);
    expect(run.stdout).toMatch(/"sent":1/);
    const files = fs.readdirSync(path.join(dir, 'mail')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const raw = fs.readFileSync(path.join(dir, 'mail', files[0]!), 'utf8');
    expect(raw).toContain('From: Ledger <desk@ledger.example.org>');
    expect(raw).toContain('Subject: Waiting in the outbox');
    expect(raw).toMatch(/Message-ID: <[0-9a-z]{26}@ledger\.example\.org>/);
  }, 70_000);
});
