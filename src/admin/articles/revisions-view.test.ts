import { describe, expect, it } from 'vitest';
import type { DiffBlock } from '../../content/index.js';
import { withUnchangedFolded } from './revisions-view.js';

const block = (change: DiffBlock['change'], text: string): DiffBlock => ({ field: 'body', change, parts: [{ text, change: change === 'changed' ? 'added' : 'same' }] });
/** The items as letters: a block by its text, a fold as (its texts). */
const shape = (blocks: DiffBlock[]) =>
  withUnchangedFolded(blocks)
    .map((item) => ('folded' in item ? `(${item.folded.map((b) => b.parts[0]!.text).join('')})` : item.parts[0]!.text))
    .join(' ');
const same = (letters: string) => [...letters].map((l) => block('same', l));

describe('folding the unchanged blocks of a diff', () => {
  it('keeps one block of context beside each change and folds the long runs between', () => {
    expect(shape([...same('abcde'), block('changed', 'X'), ...same('fghij'), block('removed', 'Y'), ...same('kl')])).toBe('(abcd) e X f (ghi) j Y k l');
  });

  it('never folds fewer than two blocks', () => {
    expect(shape([...same('ab'), block('changed', 'X'), ...same('cde'), block('added', 'Y')])).toBe('a b X c d e Y');
    expect(shape([block('changed', 'X'), ...same('cdef'), block('changed', 'Y')])).toBe('X c (de) f Y');
  });

  it('folds everything when nothing changed', () => {
    expect(shape(same('abc'))).toBe('(abc)');
    expect(shape(same('a'))).toBe('a');
  });
});
