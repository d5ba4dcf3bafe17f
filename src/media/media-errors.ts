import { ValidationError } from '../shared/errors.js';

/**
 * Why an upload was refused. The admin answers each with its own status (413, 415, 422);
 * to everything else it is a ValidationError whose message is written for the uploader.
 */
export type RefusalReason = 'too-large' | 'not-an-image' | 'malformed' | 'too-many-pixels';

export class MediaRefusedError extends ValidationError {
  override name = 'MediaRefusedError';
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message, { file: message });
  }
}

/** "25 MB", "2.1 MB": rounded up, so a file just over a limit never reads as equal to it. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Math.ceil(mb * 10) / 10} MB`;
}
