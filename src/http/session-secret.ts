import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The secret that signs session-bound and form tokens: generated on first start and kept
 * in the data folder (readable by the owner only), so restarts do not sign everyone out.
 */
export function loadOrCreateSessionSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'session-secret');
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${file} is not a 64-hex-digit secret; delete it to make a new one (this signs everyone out)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  fs.mkdirSync(dataDir, { recursive: true });
  // 'wx' fails if another process created it first; then that one wins and we read it.
  try {
    fs.writeFileSync(file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSessionSecret(dataDir);
    throw error;
  }
}
