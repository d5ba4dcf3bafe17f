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

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
