/*
 * What start-up checks before it writes anything: the port, the folders it will write,
 * the database path, Redis. Each problem is one StartupError line naming the fix, and
 * the disk is left as it was (the write probe creates and removes one empty folder).
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Config } from './config.js';

/** A problem the operator must fix; main prints its message as one line and exits 1. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Listens on the configured port, or says why not (in use, not allowed). */
export function listenOrExplain(server: http.Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      if (error.code === 'EADDRINUSE') {
        reject(new StartupError(`port ${config.port} is already in use (${where}); stop the program using it or set PORT to a free port`));
      } else if (error.code === 'EACCES') {
        reject(new StartupError(`not allowed to listen on ${where}; choose a PORT above 1023 or run with the needed permission`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new StartupError(`cannot listen on HOST=${config.host} (${error.code}); set HOST to an address of this machine, e.g. 0.0.0.0`));
      } else {
        reject(new StartupError(`cannot listen on ${where} (${error.code ?? error.message}); check PORT and HOST`));
      }
    };
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

// statfs magic numbers of kernel pseudo file systems: files there are not storage, and
// reading some of them (/proc/kmsg) blocks for ever.
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
]);

/** Checks DATA_DIR and the SQLite database path without creating either. */
export function checkFolders(config: Config): void {
  checkWritableFolder(config.dataDir, 'DATA_DIR');
  if (config.database.dialect !== 'sqlite') return;
  const file = config.database.file;
  const stat = statOrNull(file);
  if (stat?.isDirectory()) throw new StartupError(`DATABASE_URL names the folder ${file}; name a file in it instead, e.g. ${path.join(file, 'dossier.db')}`);
  if (stat && !stat.isFile()) throw new StartupError(`DATABASE_URL names ${file}, which is not a regular file; set it to a file path such as ./data/dossier.db`);
  checkWritableFolder(path.dirname(file), 'DATABASE_URL', file);
}

function checkWritableFolder(dir: string, setting: string, forFile?: string): void {
  const what = forFile ? `the folder of ${forFile}` : dir;
  // The nearest part of the path that exists: the folders below it would be created.
  let existing = dir;
  while (!statOrNull(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const stat = statOrNull(existing);
  if (stat && !stat.isDirectory()) {
    throw new StartupError(`${setting}: ${what} cannot be made because ${existing} is a file, not a folder; set ${setting} to another path`);
  }
  const fsType = PSEUDO_FILE_SYSTEMS.get(Number(fs.statfsSync(existing).type));
  if (fsType) throw new StartupError(`${setting}: ${what} is on the ${fsType} pseudo file system, not storage; set ${setting} to a path on a disk`);
  // Permission bits do not tell (root ignores them; read-only mounts and immutable folders do not show): try.
  let probe: string;
  try {
    probe = fs.mkdtempSync(path.join(existing, '.dossier-write-check-'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new StartupError(`${setting}: cannot write in ${existing} (${code}); make it writable by this user or set ${setting} to another path`);
  }
  fs.rmdirSync(probe);
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new StartupError(`cannot look at ${p} (${code}); check the permissions of DATA_DIR and DATABASE_URL`);
  }
}

/** Connects to REDIS_URL once and says PONG, or explains; nothing is kept open. */
export async function checkRedis(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => {}); // reported below, once
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const where = new URL(url);
    where.password = where.password ? '***' : '';
    throw new StartupError(`cannot reach Redis at ${where.href} (${(error as Error).message}); start Redis or unset REDIS_URL`);
  } finally {
    client.disconnect();
  }
}
