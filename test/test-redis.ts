export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Redis suites run unless the test runner found no Redis (never under CI). */
export const skipRedis = process.env.DOSSIER_SKIP_REDIS === '1';
