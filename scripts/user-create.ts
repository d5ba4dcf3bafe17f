/*
 * npm run user:create -- --email ann@example.org --role administrator [--name "Ann Editor"] [--password-stdin]
 * Creates an account in the configured database (DATABASE_URL, default ./data/dossier.db),
 * migrating it first like the server does. Without --password-stdin a strong password is
 * generated and printed once. Any problem is one line on stderr and exit code 1.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser, Email, Password, ROLES, type Role } from '../src/accounts/index.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { createDb, DatabaseOpenError } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/shared/clock.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { EventBus } from '../src/shared/events.js';
import { ConflictError, ValidationError } from '../src/shared/errors.js';

class UsageError extends Error {}

const USAGE = 'usage: npm run user:create -- --email <address> --role <role> [--name "<name>"] [--password-stdin]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.email) throw new UsageError(`--email is required (${USAGE})`);
  const email = Email.safeParse(values.email);
  if (!email.success) throw new UsageError(`"${values.email}" is not an email address; use one such as name@example.org`);
  if (!values.role) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
  if (!(ROLES as readonly string[]).includes(values.role)) {
    throw new UsageError(`"${values.role}" is not a role; use one of ${ROLES.join(', ')}`);
  }
  const name = values.name?.trim() || email.data.split('@')[0]!;
  const isGenerated = !values['password-stdin'];
  const password = isGenerated ? randomBytes(18).toString('base64url') : await readPasswordFromStdin();

  const config = loadConfig(process.env);
  const handle = createDb(config.database);
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const user = await createUser({ db: handle.db, clock: systemClock, events: new EventBus<DomainEvent>() }, { email: email.data, name, role: values.role as Role, password });
    console.log(`Created ${user.role} ${user.name} <${user.email}>. Sign in at ${config.siteUrl.href.replace(/\/$/, '')}/admin/login`);
    if (isGenerated) console.log(`Password (shown only this once; store it now): ${password}`);
  } finally {
    await handle.close();
  }
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--password-stdin reads a piped password, e.g. printf %s "$PASSWORD" | npm run user:create -- …');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing line break is what `echo` adds, not part of the password.
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  const checked = Password.safeParse(password);
  if (!checked.success) throw new UsageError(`the password must have ${checked.error.issues[0]?.message ?? 'between 10 and 200 characters'}`);
  return password;
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
}

main().catch((error: unknown) => {
  if (error instanceof ConflictError) console.error(`user:create: ${error.message.replace(/ exists$/, ' already exists')}`);
  else if (error instanceof ValidationError) console.error(`user:create: ${error.message}`);
  else if (error instanceof UsageError || error instanceof DatabaseOpenError) console.error(`user:create: ${error.message}`);
  else if (error instanceof ConfigError) console.error(`user:create: ${error.problems.join('; ')}`);
  else if (isParseArgsError(error)) console.error(`user:create: ${error.message.split('\n')[0]} (${USAGE})`);
  else console.error('user:create failed:', error);
  process.exit(1);
});
