import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.js';

describe('log levels', () => {
  afterEach(() => vi.restoreAllMocks());

  const linesAt = (level: 'silent' | 'error' | 'info' | 'debug') => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const logger = createLogger(level);
    logger.debug('round', { n: 1 });
    logger.info('serving');
    logger.error('failed');
    vi.restoreAllMocks();
    return out.map((line) => (JSON.parse(line) as { level: string }).level);
  };

  it('says debug lines only at LOG_LEVEL=debug, and everything else there too', () => {
    expect(linesAt('debug')).toEqual(['debug', 'info', 'error']);
    expect(linesAt('info')).toEqual(['info', 'error']);
    expect(linesAt('error')).toEqual(['error']);
    expect(linesAt('silent')).toEqual([]);
  });
});
