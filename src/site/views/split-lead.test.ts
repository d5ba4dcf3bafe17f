import { describe, expect, it } from 'vitest';
import { splitLead } from './split-lead.js';

describe('splitLead', () => {
  it('cuts the body before its first top-level heading, leaving both parts as stored', () => {
    const body = '<p>One &amp; two.</p>\n<figure><img src="/a.jpg" alt=""><figcaption>x</figcaption></figure><h2 id="a">A</h2><p>Three.</p><h2 id="b">B</h2>';
    expect(splitLead(body)).toEqual({
      lead: '<p>One &amp; two.</p>\n<figure><img src="/a.jpg" alt=""><figcaption>x</figcaption></figure>',
      rest: '<h2 id="a">A</h2><p>Three.</p><h2 id="b">B</h2>',
    });
  });

  it('ignores headings nested in other blocks and keeps a body that opens with a heading whole', () => {
    expect(splitLead('<blockquote><h3>q</h3></blockquote><p>x</p><h3 id="c">C</h3>').lead).toBe('<blockquote><h3>q</h3></blockquote><p>x</p>');
    expect(splitLead('<h2 id="a">A</h2><p>x</p>')).toEqual({ lead: '', rest: '<h2 id="a">A</h2><p>x</p>' });
    expect(splitLead('<p>no headings</p>')).toEqual({ lead: '', rest: '<p>no headings</p>' });
  });
});
