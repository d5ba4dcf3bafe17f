import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaVariant } from './media.js';

/** Originals live beside the variants but are never served under /media/. */
export function originalPath(mediaDir: string, id: string): string {
  return path.join(mediaDir, 'originals', id);
}

/** A name beside `file` that no reader looks for: written first, renamed into place. */
export function temporaryPath(file: string): string {
  return `${file}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Written under a temporary name and renamed: a reader never sees half a file. */
export async function writeFileAtomically(file: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = temporaryPath(file);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Removes an image's original and every variant made of it (variants not yet made are simply absent). */
export async function removeMediaFiles(mediaDir: string, id: string, variants: readonly MediaVariant[]): Promise<void> {
  await Promise.all([originalPath(mediaDir, id), ...variants.map((v) => path.join(mediaDir, v.file))].map((file) => fs.rm(file, { force: true })));
}
