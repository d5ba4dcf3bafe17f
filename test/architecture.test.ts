import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const FEATURES = ['content', 'related', 'taxonomy', 'comments', 'accounts', 'media', 'settings', 'redirects', 'ratelimit', 'structure', 'mail', 'search'];
const WEB = ['site', 'admin', 'http', 'app.ts', 'main.ts'];

/** Which feature owns (alone writes) each table. `db/` owns the schema and may empty it whole. */
const TABLE_OWNERS: Record<string, string> = {
  articles: 'content',
  article_authors: 'content',
  article_topics: 'content',
  article_tags: 'content',
  article_listings: 'content',
  list_counts: 'content',
  article_revisions: 'content',
  article_drafts: 'content',
  pages: 'content',
  article_related: 'related',
  article_terms: 'related',
  term_frequencies: 'related',
  topics: 'taxonomy',
  tags: 'taxonomy',
  users: 'accounts',
  sessions: 'accounts',
  account_tokens: 'accounts',
  recovery_codes: 'accounts',
  sign_in_challenges: 'accounts',
  mail_outbox: 'mail',
  comments: 'comments',
  comment_blocks: 'comments',
  spam_tokens: 'comments',
  media: 'media',
  settings: 'settings',
  redirects: 'redirects',
  rate_counters: 'ratelimit',
  search_documents: 'search',
  search_texts: 'search',
  search_topic_names: 'search',
  search_terms: 'search',
  search_term_trigrams: 'search',
};

interface SourceFile {
  /** path relative to src/, with forward slashes */
  name: string;
  folder: string;
  text: string;
  /** relative imports, resolved to names relative to src/ (".ts"/".tsx") */
  imports: string[];
}

function sourceFiles(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        const name = path.relative(SRC, full).split(path.sep).join('/');
        const imports = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => {
          const target = path.resolve(path.dirname(full), m[1]!).replace(/\.js$/, '');
          const ts = fs.existsSync(`${target}.ts`) ? `${target}.ts` : `${target}.tsx`;
          return path.relative(SRC, ts).split(path.sep).join('/');
        });
        files.push({ name, folder: name.split('/')[0]!, text, imports });
      }
    }
  };
  walk(SRC);
  return files;
}

/** Folder-level imports: "content" → {"taxonomy", "shared", …}. Table interfaces are the shared schema, not dependencies. */
function folderImports(files: SourceFile[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    for (const target of file.imports) {
      if (target.endsWith('.table.ts')) continue;
      const to = target.split('/')[0]!;
      if (to === file.folder || to.startsWith('..')) continue;
      if (!graph.has(file.folder)) graph.set(file.folder, new Set());
      graph.get(file.folder)!.add(to);
    }
  }
  return graph;
}

function cyclesOf(graph: Map<string, Set<string> | string[]>): string[] {
  const cycles = new Set<string>();
  const done = new Set<string>();
  const visit = (node: string, stack: string[]) => {
    const at = stack.indexOf(node);
    if (at >= 0) {
      cycles.add([...stack.slice(at), node].join(' → '));
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return [...cycles];
}

/** Every statement that writes a table, as Kysely calls or raw SQL: [table, file]. */
function tableWrites(files: SourceFile[]): [string, SourceFile][] {
  const writes: [string, SourceFile][] = [];
  for (const file of files) {
    if (file.name.startsWith('db/migrations/')) continue;
    const patterns = [/\b(?:insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)'/g, /\b(?:insert\s+into|update|delete\s+from)\s+([a-z_]+)\b(?=[^`]*`)/gi];
    for (const pattern of patterns) {
      for (const m of file.text.matchAll(pattern)) if (m[1]! in TABLE_OWNERS) writes.push([m[1]!, file]);
    }
  }
  return writes;
}

describe('the layering of STYLE.md', () => {
  const files = sourceFiles();
  const graph = folderImports(files);

  it('keeps the web framework out of the features', () => {
    for (const feature of FEATURES) {
      const reached = [...(graph.get(feature) ?? [])].filter((t) => WEB.includes(t));
      expect(reached, `${feature} imports ${reached.join(', ')}`).toEqual([]);
    }
  });

  it('has no cycles between source folders', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('has no cycles between source files', () => {
    const fileGraph = new Map(files.map((f) => [f.name, f.imports]));
    expect(cyclesOf(fileGraph)).toEqual([]);
  });

  it('lets each table be written only by the feature that owns it', () => {
    const trespasses = tableWrites(files)
      .filter(([table, file]) => file.folder !== TABLE_OWNERS[table] && file.folder !== 'db')
      .map(([table, file]) => `${file.name} writes ${table}, which ${TABLE_OWNERS[table]}/ owns`);
    expect(trespasses).toEqual([]);
  });

  it('knows every table of the schema, so none escapes the ownership rule', () => {
    const schema = fs.readFileSync(path.join(SRC, 'db/database.ts'), 'utf8');
    const tables = [...schema.matchAll(/^\s+([a-z_]+): [A-Za-z]+Table;$/gm)].map((m) => m[1]);
    expect(tables.sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });

  it('sees a trespass when there is one (the rule is not vacuous)', () => {
    const fake: SourceFile = { name: 'comments/x.ts', folder: 'comments', text: "db.updateTable('articles').set({})", imports: [] };
    const raw: SourceFile = { name: 'seed/y.ts', folder: 'seed', text: 'sql`delete from topics where 1 = 1`', imports: [] };
    expect(tableWrites([fake, raw]).map(([t, f]) => `${f.name}:${t}`)).toEqual(['comments/x.ts:articles', 'seed/y.ts:topics']);
    expect(cyclesOf(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]]))).toEqual(['a.ts → b.ts → a.ts']);
  });
});
