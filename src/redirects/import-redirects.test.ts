import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { EventBus } from '../shared/events.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { importRedirects, previewRedirectImport } from './import-redirects.js';
import { parseRedirectCsv } from './redirect-csv.js';
import { listRedirects } from './redirect.queries.js';
import { deleteRedirect, saveRedirect } from './save-redirect.js';

const editor: Actor = { id: 'e', role: 'editor' };

describe('reading redirect CSV', () => {
  it('takes from,to,code lines with an optional header, quoted fields and a default 301', () => {
    const { rows, problems } = parseRedirectCsv('from,to,code\r\n/old-a/,/world/,301\n"/old-b","https://example.org/x?y=1,2",301\n/old-c/,/economy/\n/removed/,,410\n\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.redirect.fromPath, r.redirect.toPath, r.redirect.code])).toEqual([
      [2, '/old-a/', '/world/', 301],
      [3, '/old-b/', 'https://example.org/x?y=1,2', 301],
      [4, '/old-c/', '/economy/', 301],
      [5, '/removed/', '', 410],
    ]);
  });

  it('names the line and the value of every mistake', () => {
    const { problems } = parseRedirectCsv('/fine/,/world/,301\n/bad path/,/world/,301\n/also-fine/,/x/,302\n/admin/users/,/world/,301\n/fine/,/economy/,301\n/loop/,/loop/\n/only-one-field\n/open/,"/never-closed,301');
    expect(problems.map((p) => [p.line, p.value, p.message])).toEqual([
      [2, '/bad path/', 'a path on this site, such as /2019/05/old-story/'],
      [3, '302', 'the code is 301 (moved) or 410 (gone)'],
      [4, '/admin/users/', 'paths under /admin/ are answered by the site itself and cannot be redirected'],
      [5, '/fine/', 'the same path as line 1'],
      [6, '/loop/', 'a redirect cannot point at itself'],
      [7, '/only-one-field', 'expected from,to,code (found 1 field)'],
      [8, '/open/,"/never-closed,301', 'a quoted field is not closed'],
    ]);
  });

  it('refuses an empty file', () => {
    expect(parseRedirectCsv('from,to,code\n').problems).toEqual([{ line: 1, value: '', message: 'the file has no redirects' }]);
  });
});

describe.each(testDialects)('redirect use cases on %s', (dialect) => {
  let t: TestDb;
  const clock = fixedClock('2026-12-02T10:00:00Z');
  let heard: DomainEvent[];
  const deps = () => {
    const events = new EventBus<DomainEvent>();
    events.subscribe((e) => void heard.push(e));
    return { db: t.db, clock, events };
  };
  const all = async () => (await listRedirects(t.db, { limit: 100, offset: 0 })).items.map((r) => `${r.fromPath} ${r.code} ${r.toPath}`).sort();

  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  beforeEach(() => {
    heard = [];
  });
  afterAll(() => t.destroy());

  it('imports a CSV with a bad line: nothing is written, and the refusal names the line and the value', async () => {
    await saveRedirect(deps(), editor, { fromPath: '/kept/', toPath: '/world/', code: 301 });
    heard = [];
    const csv = 'from,to,code\n/first/,/world/,301\n/second/,/economy/,301\n/third/,/economy/,303\n';
    const refusal = await importRedirects(deps(), editor, csv).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).message).toBe('Nothing was imported. line 4: "303" — the code is 301 (moved) or 410 (gone)');
    expect(await all()).toEqual(['/kept/ 301 /world/']);
    expect(heard.filter((e) => e.type === 'redirect.changed')).toHaveLength(0);
  });

  it('previews what an import changes, then writes it all in one go', async () => {
    const csv = '/kept/,/world/,301\n/first/,/world/,301\n/second/,,410\n';
    await saveRedirect(deps(), editor, { fromPath: '/second/', toPath: '/economy/', code: 301 });
    const preview = await previewRedirectImport(t.db, editor, csv);
    expect(preview.rows.map((r) => [r.line, r.change])).toEqual([
      [1, 'unchanged'],
      [2, 'new'],
      [3, 'changed'],
    ]);
    expect(preview.rows[2]!.before).toEqual({ fromPath: '/second/', toPath: '/economy/', code: 301 });
    heard = [];
    expect(await importRedirects(deps(), editor, csv)).toEqual({ written: 2, unchanged: 1 });
    expect(await all()).toEqual(['/first/ 301 /world/', '/kept/ 301 /world/', '/second/ 410 ']);
    expect(heard.map((e) => (e.type === 'redirect.changed' ? e.fromPath : e.type)).sort()).toEqual(['/first/', '/second/']);
  });

  it('adds, edits (also its path) and deletes one redirect, refusing a path that is taken', async () => {
    await saveRedirect(deps(), editor, { fromPath: '/2019/05/old-story', toPath: '/world/', code: 301 });
    await expect(saveRedirect(deps(), editor, { fromPath: '/2019/05/old-story/', toPath: '/economy/', code: 301 })).rejects.toMatchObject({ fields: { fromPath: expect.stringMatching(/exists already/) } });
    await saveRedirect(deps(), editor, { fromPath: '/2019/05/older-story/', toPath: '/economy/', code: 301 }, { replacing: '/2019/05/old-story/' });
    expect(await all()).toContain('/2019/05/older-story/ 301 /economy/');
    expect(await all()).not.toContain('/2019/05/old-story/ 301 /world/');
    await deleteRedirect(deps(), editor, '/2019/05/older-story/');
    expect((await all()).some((r) => r.startsWith('/2019/05/older-story/'))).toBe(false);
  });

  it('refuses paths the site never looks up', async () => {
    for (const fromPath of ['/', '/assets/site.css', '/tag/a/b/', '/Old_Post.html']) {
      await expect(saveRedirect(deps(), editor, { fromPath, toPath: '/world/', code: 301 }), fromPath).rejects.toMatchObject({ fields: { fromPath: expect.any(String) } });
    }
    await expect(saveRedirect(deps(), editor, { fromPath: '/tag/old/', toPath: '/tag/new/', code: 301 })).resolves.toMatchObject({ fromPath: '/tag/old/' });
  });

  it('holds the role: an author may not manage redirects', async () => {
    const author: Actor = { id: 'a', role: 'author' };
    await expect(saveRedirect(deps(), author, { fromPath: '/x/', toPath: '/world/', code: 301 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importRedirects(deps(), author, '/x/,/world/,301')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteRedirect(deps(), author, '/kept/')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
