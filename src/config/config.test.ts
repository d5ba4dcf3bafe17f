import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has typed defaults: port 3000, SQLite under ./data, SITE_URL from the port', () => {
    const config = loadConfig({}, '/srv/site');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.join('/srv/site', 'data', 'dossier.db') });
    expect(config.siteUrl.href).toBe('http://localhost:3000/');
    expect(config.redisUrl).toBeNull();
    expect(config.trustedProxies).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads PostgreSQL, Redis, proxies and a site URL', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db/site',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SITE_URL: 'https://news.example.org/',
      TRUSTED_PROXY: '10.0.0.1, 10.0.0.2',
    });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db/site' });
    expect(config.siteUrl.href).toBe('https://news.example.org/');
    expect(config.trustedProxies).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', SITE_URL: 'ftp://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/SITE_URL/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('refuses an unknown database scheme with a way out', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/unsupported scheme.*postgres/);
  });

  it('limits uploads to 25 MB and 60 megapixels unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ mediaMaxBytes: 25 * 1024 * 1024, mediaMaxPixels: 60_000_000 });
    expect(loadConfig({ MEDIA_MAX_MB: '8', MEDIA_MAX_MEGAPIXELS: '24' })).toMatchObject({ mediaMaxBytes: 8 * 1024 * 1024, mediaMaxPixels: 24_000_000 });
    expect(() => loadConfig({ MEDIA_MAX_MB: 'lots' })).toThrow(/MEDIA_MAX_MB/);
  });

  it('writes mail as files under DATA_DIR/mail from the site host by default, or sends by SMTP from MAIL_FROM', () => {
    const files = loadConfig({ SITE_URL: 'https://news.example.org' }, '/srv/site');
    expect(files.mail).toEqual({ smtpUrl: null, from: 'Dossier <no-reply@news.example.org>', dir: path.join('/srv/site', 'data', 'mail') });
    const smtp = loadConfig({ SMTP_URL: 'smtps://desk:secret@mail.example.org:465', MAIL_FROM: 'The Review <desk@example.org>' });
    expect(smtp.mail.smtpUrl).toBe('smtps://desk:secret@mail.example.org:465');
    expect(smtp.mail.from).toBe('The Review <desk@example.org>');
  });

  it('refuses a mail server that is not SMTP and a sender that could add headers', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ MAIL_FROM: 'desk@example.org\r\nBcc: all@example.org' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
  });

  it('takes the share of time searches may take between 0 and 1, 0.5 unless told', () => {
    expect(loadConfig({}).search.timeShare).toBe(0.5);
    expect(loadConfig({ SEARCH_TIME_SHARE: '1' }).search.timeShare).toBe(1);
    expect(() => loadConfig({ SEARCH_TIME_SHARE: '0' })).toThrow(/SEARCH_TIME_SHARE: a share of time above 0/);
    expect(() => loadConfig({ SEARCH_TIME_SHARE: '1.5' })).toThrow(/SEARCH_TIME_SHARE: at most 1/);
    expect(() => loadConfig({ SEARCH_TIME_SHARE: 'half' })).toThrow(/SEARCH_TIME_SHARE/);
  });
});
