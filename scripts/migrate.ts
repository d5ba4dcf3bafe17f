/* npm run migrate — applies pending migrations to DATABASE_URL (they also run at start). */
import { ConfigError, loadConfig } from '../src/config/config.js';
import { createDb, DatabaseOpenError } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';

try {
  const config = loadConfig(process.env);
  const handle = createDb(config.database);
  const applied = await migrateToLatest(handle.db, handle.dialect);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  await handle.close();
} catch (error) {
  console.error(`migrate: ${error instanceof ConfigError || error instanceof DatabaseOpenError ? error.message : String(error)}`);
  process.exit(1);
}
