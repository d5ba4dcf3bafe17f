import fs from 'node:fs';
import path from 'node:path';
import type { SpamLabel } from '../spam-classifier.js';

/*
 * The labelled comments the spam filter is measured on: ham.txt (reader comments on
 * analysis of ports, elections, energy, sanctions, ceasefires, prices — polite, angry,
 * pedantic, some with links to sources) and spam.txt (SEO link drops, pharma, crypto,
 * fake praise with a website, spam dressed up in the article's topic). All written for
 * this project. A record is a "## name | website" line followed by its body.
 */

export interface LabelledComment {
  label: SpamLabel;
  authorName: string;
  authorUrl: string;
  body: string;
}

const DIR = import.meta.dirname;

export function parseCorpus(text: string, label: SpamLabel): LabelledComment[] {
  const records: LabelledComment[] = [];
  let current: LabelledComment | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      if (current) records.push(current);
      const [name = '', website = ''] = line.slice(3).split('|').map((s) => s.trim());
      current = { label, authorName: name, authorUrl: website, body: '' };
    } else if (current) {
      current.body += `${line}\n`;
    }
  }
  if (current) records.push(current);
  return records.map((r) => ({ ...r, body: r.body.trim() }));
}

export function loadCorpus(): LabelledComment[] {
  return [
    ...parseCorpus(fs.readFileSync(path.join(DIR, 'ham.txt'), 'utf8'), 'ham'),
    ...parseCorpus(fs.readFileSync(path.join(DIR, 'spam.txt'), 'utf8'), 'spam'),
  ];
}

/** A fixed split: every fourth comment of each label is kept out of training, for the test. */
export function splitCorpus(all: readonly LabelledComment[]): { train: LabelledComment[]; test: LabelledComment[] } {
  const train: LabelledComment[] = [];
  const test: LabelledComment[] = [];
  const seen = { spam: 0, ham: 0 };
  for (const c of all) (seen[c.label]++ % 4 === 3 ? test : train).push(c);
  return { train, test };
}
