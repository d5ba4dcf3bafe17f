import { createHash, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';

/*
 * TOTP (RFC 6238) as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps.
 * A code is accepted one step either side of now (clock drift), and only for a step later
 * than the last one accepted, so a code seen over someone's shoulder cannot be replayed.
 */
const PERIOD = 30;

function totpFor(secret: string, label = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Dossier', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, account: string): string {
  const totp = totpFor(secret, account);
  totp.issuer = issuer;
  return totp.toString();
}

/** The code for a moment (tests, and nothing else, need to compute one). */
export function totpCodeAt(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

/** The time step a code belongs to, if it is right at `now` (±1 step); else null. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

export const RECOVERY_CODE_COUNT = 10;
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ten codes of 16 base32 characters (80 bits each), shown as "abcd-efgh-jkmn-pqrs". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(randomBytes(16), (b) => CROCKFORD[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** A code as typed (any case, spaces or dashes, Crockford's look-alikes) to its stored hash. */
export function hashRecoveryCode(code: string): string | null {
  const normal = code
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[oO]/g, '0')
    .replace(/[il]/g, '1');
  if (!/^[0-9a-hjkmnp-tv-z]{16}$/.test(normal)) return null;
  return createHash('sha256').update(`dossier recovery code\n${normal}`).digest('hex');
}
