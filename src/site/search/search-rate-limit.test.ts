import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { TestBrowser } from '../../../test/test-browser.js';
import { fixedClock } from '../../shared/clock.js';
import { AddressRateLimit } from './address-rate-limit.js';

/*
 * Search is anonymous and costs a query the page cache cannot answer, so one address gets a
 * bounded number per minute (SEARCH_LIMIT_PER_IP, SEARCH_SUGGEST_LIMIT_PER_IP), counted in
 * the process's memory. The limiter holds no state for the database: one dialect is enough.
 */
describe('search limits per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { SEARCH_LIMIT_PER_IP: '3/60', SEARCH_SUGGEST_LIMIT_PER_IP: '5/60' });
  });
  afterAll(async () => t?.destroy());

  it('answers 429 with Retry-After past the limit, per address (an IPv6 /64 as one), and again after the window', async () => {
    const reader = new TestBrowser(t.app, '203.0.113.7');
    for (let i = 0; i < 3; i++) expect((await reader.get('/search?q=talks')).status).toBe(200);
    const refused = await reader.get('/search?q=talks');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.text()).toContain('Too many searches');
    // Another reader is not held up by the first.
    expect((await new TestBrowser(t.app, '203.0.113.8').get('/search?q=talks')).status).toBe(200);
    // One /64 is one subscriber.
    for (let i = 0; i < 3; i++) expect((await new TestBrowser(t.app, `2001:db8:1:2::${i + 1}`).get('/search?q=talks')).status).toBe(200);
    expect((await new TestBrowser(t.app, '2001:db8:1:2::99').get('/search?q=talks')).status).toBe(429);
    expect((await new TestBrowser(t.app, '2001:db8:1:3::1').get('/search?q=talks')).status).toBe(200);
    // Suggestions have their own, larger allowance.
    for (let i = 0; i < 5; i++) expect((await reader.get('/search/suggest?q=ta')).status).toBe(200);
    const tooFast = await reader.get('/search/suggest?q=ta');
    expect(tooFast.status).toBe(429);
    expect(await tooFast.json()).toEqual({ items: [], error: 'Too many requests; wait a little.' });
    // The next window starts afresh.
    t.clock.set('2026-11-20T12:01:00.000Z');
    expect((await reader.get('/search?q=talks')).status).toBe(200);
    expect((await reader.get('/search/suggest?q=ta')).status).toBe(200);
  });

  it('stays bounded: past its number of addresses the rest share one count', () => {
    const clock = fixedClock('2026-11-20T12:00:00.000Z');
    const limit = new AddressRateLimit({ limit: 1, windowSeconds: 60 }, clock, 2);
    expect(limit.take('198.51.100.1').isAllowed).toBe(true);
    expect(limit.take('198.51.100.2').isAllowed).toBe(true);
    expect(limit.take('198.51.100.1').isAllowed).toBe(false);
    // A third address in the same window is counted with every later one: one between them…
    expect(limit.take('198.51.100.3').isAllowed).toBe(true);
    expect(limit.take('198.51.100.4').isAllowed).toBe(false);
    expect(limit.take('2001:db8:9::1').isAllowed).toBe(false);
    // …while the addresses counted apart keep their own counts.
    expect(limit.take('198.51.100.2').isAllowed).toBe(false);
    clock.set('2026-11-20T12:01:00.000Z');
    expect(limit.take('198.51.100.4').isAllowed).toBe(true);
  });

  it('refuses searches with 503 once all addresses together spend the share of time searches may take', async () => {
    // Every request from its own address, each under its limit: a flood no per-address count sees.
    const flood = await createTestApp('sqlite', { SEARCH_LIMIT_PER_IP: '1000/60', SEARCH_SUGGEST_LIMIT_PER_IP: '1000/60', SEARCH_TIME_SHARE: '0.05' });
    try {
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 2_000 && !refused; i++) {
        const response = await new TestBrowser(flood.app, `198.18.${i >> 8}.${i & 255}`).get(`/search?q=talks+${i}`);
        statuses.push(response.status);
        if (response.status !== 200) refused = response;
      }
      expect(refused?.status).toBe(503);
      expect(refused?.headers.get('retry-after')).toBe('1');
      const page = (await refused?.text()) ?? '';
      expect(page).toContain('Search is busy');
      // The way back to the same search: an empty href is the page's own address, query and all.
      expect(page).toContain('<a href="">Try this search again</a>');
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      const suggest = await new TestBrowser(flood.app, '198.19.0.1').get('/search/suggest?q=ta');
      expect(suggest.status).toBe(503);
      expect(await suggest.json()).toEqual({ items: [], error: 'Search is busy; try again in a moment.' });
      // The rest of the site is not held up.
      expect((await new TestBrowser(flood.app, '198.19.0.2').get('/')).status).toBe(200);
    } finally {
      await flood.destroy();
    }
  });
});
