#!/usr/bin/env node
// The test command behind `npm test`: checks which backing services answer, says loudly
// what it must skip on a machine without them, and refuses to skip anything under CI.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const isCI = process.env.CI === 'true' || process.env.CI === '1';

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const postgresUrl = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const hasPostgres = await reachable(postgresUrl.hostname, Number(postgresUrl.port || 5432));
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const hasRedis = await reachable(redisUrl.hostname, Number(redisUrl.port || 6379));
const hasChromium = spawnSync('sh', ['-c', 'command -v ${CHROMIUM_PATH:-/usr/bin/chromium}']).status === 0;
const hasJava = spawnSync('sh', ['-c', 'command -v java']).status === 0;

const missing = [];
if (!hasPostgres) missing.push(`PostgreSQL at ${postgresUrl.host} (the PostgreSQL half of every query suite)`);
if (!hasRedis) missing.push(`Redis at ${redisUrl.host} (cache invalidation across processes)`);
if (!hasChromium) missing.push('Chromium at /usr/bin/chromium (browser journeys, axe-core)');
if (!hasJava) missing.push('Java (the Nu HTML Checker)');

if (missing.length > 0) {
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n${isCI ? 'CI CANNOT SKIP' : 'SKIPPING'} tests that need:\n${missing.map((m) => `  - ${m}`).join('\n')}\n${banner}\n`);
  if (isCI) {
    console.error('Under CI every suite must run. .ci/run installs and starts these; see README.');
    process.exit(1);
  }
}

const env = {
  ...process.env,
  DOSSIER_SKIP_POSTGRES: hasPostgres ? '0' : '1',
  DOSSIER_SKIP_REDIS: hasRedis ? '0' : '1',
  DOSSIER_SKIP_BROWSER: hasChromium ? '0' : '1',
  DOSSIER_SKIP_VNU: hasJava ? '0' : '1',
};
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
if (missing.length > 0 && result.status === 0) {
  console.error(`\nPassed, but WITHOUT: ${missing.join('; ')}.`);
}
process.exit(result.status ?? 1);
