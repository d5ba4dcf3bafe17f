import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const FEATURES = ['content', 'taxonomy', 'comments', 'accounts', 'media', 'settings', 'redirects', 'ratelimit'];
const WEB = ['site', 'admin', 'http', 'app.ts', 'main.ts'];

/** Folder-level imports of non-test source files: "content" → {"taxonomy", "shared", …}. */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const from = path.relative(SRC, full).split(path.sep)[0]!;
        const text = fs.readFileSync(full, 'utf8');
        // Table interfaces (*.table.ts) are the schema every layer shares: db/database.ts
        // assembles them, as STYLE.md lays out, so they are not dependencies between features.
        for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
          if (m[1]!.endsWith('.table.js')) continue;
          const target = path.relative(SRC, path.resolve(path.dirname(full), m[1]!)).split(path.sep)[0]!;
          if (target !== from && !target.startsWith('..')) {
            if (!graph.has(from)) graph.set(from, new Set());
            graph.get(from)!.add(target.replace(/\.js$/, '.ts'));
          }
        }
      }
    }
  };
  walk(SRC);
  return graph;
}

describe('the layering of STYLE.md', () => {
  const graph = folderImports();

  it('keeps the web framework out of the features', () => {
    for (const feature of FEATURES) {
      const reached = [...(graph.get(feature) ?? [])].filter((t) => WEB.includes(t));
      expect(reached, `${feature} imports ${reached.join(', ')}`).toEqual([]);
    }
  });

  it('has no cycles between source folders', () => {
    const cycles: string[] = [];
    const visit = (node: string, stack: string[]) => {
      if (stack.includes(node)) {
        cycles.push([...stack.slice(stack.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    expect([...new Set(cycles)]).toEqual([]);
  });
});
