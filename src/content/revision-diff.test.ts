import { describe, expect, it } from 'vitest';
import { bodyBlocks, diffRevisions } from './revision-diff.js';

const figure = (caption: string, credit: string) =>
  `<figure><img src="/media/harbour.jpg" alt="The harbour at dawn"><figcaption>${caption} <small class="credit">${credit}</small></figcaption></figure>`;

describe('the diff between two revisions', () => {
  it('reads a body as the blocks a reader sees', () => {
    const blocks = bodyBlocks(
      `<p>Lead words.</p><h2 id="x">Section</h2><ul><li>One</li><li>Two</li></ul><blockquote class="pull-quote"><p>Said loudly.</p></blockquote>${figure('Boats leave.', 'Photo: R. Amin')}` +
        '<blockquote><p>We stay.</p><p>We rebuild.</p><cite>Sela Ibarra, teacher</cite></blockquote>',
    );
    expect(blocks).toEqual([
      'Lead words.',
      '## Section',
      '• One',
      '• Two',
      'Pull quote: Said loudly.',
      'Figure harbour.jpg, alt “The harbour at dawn”, caption “Boats leave.”, credit “Photo: R. Amin”',
      // Paragraphs and the speaker apart, though their texts touch in the HTML.
      'Quote: We stay. We rebuild. — Sela Ibarra, teacher',
    ]);
  });

  it('marks the words that changed in a paragraph, a heading and a figure credit, and nothing else', () => {
    const from = { title: 'Talks resume', dek: '', body: `<p>Negotiators met on Monday.</p><h2>What is on the table</h2>${figure('Boats leave.', 'Photo: R. Amin')}<p>Unchanged close.</p>` };
    const to = { title: 'Talks resume at last', dek: 'A new dek.', body: `<p>Negotiators met on Tuesday.</p><h2>What is still on the table</h2>${figure('Boats leave.', 'Photo: S. Okoro')}<p>Unchanged close.</p>` };
    const blocks = diffRevisions(from, to);
    const changed = (field: string) => blocks.filter((b) => b.field === field && b.change !== 'same');
    const marked = (b: (typeof blocks)[number], change: string) => b.parts.filter((p) => p.change === change).map((p) => p.text.trim()).join('|');
    expect(marked(changed('title')[0]!, 'added')).toBe('at last');
    expect(changed('dek')[0]!.change).toBe('added');
    const body = changed('body');
    expect(body).toHaveLength(3);
    expect(marked(body[0]!, 'removed')).toBe('Monday');
    expect(marked(body[0]!, 'added')).toBe('Tuesday');
    expect(marked(body[1]!, 'added')).toBe('still');
    expect(marked(body[2]!, 'removed')).toContain('Amin');
    expect(marked(body[2]!, 'added')).toContain('Okoro');
    expect(blocks.filter((b) => b.change === 'same').map((b) => b.parts[0]!.text)).toContain('Unchanged close.');
  });

  it('shows a removed and an added paragraph as whole blocks', () => {
    const blocks = diffRevisions({ title: 'T', dek: '', body: '<p>Keep.</p><p>Drop me.</p>' }, { title: 'T', dek: '', body: '<p>Keep.</p>' });
    expect(blocks.filter((b) => b.change === 'removed').map((b) => b.parts[0]!.text)).toEqual(['Drop me.']);
  });
});
