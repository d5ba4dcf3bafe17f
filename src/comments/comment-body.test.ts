import type { ChildNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { BASE_PAYLOADS, XSS_PAYLOADS } from '../../test/xss-payloads.js';
import { commentExcerpt, linksIn, renderCommentBody, sanitizeCommentHtml, truncate } from './comment-body.js';
import { CommentWebsite } from './comment.schema.js';

const ALLOWED: Record<string, string[]> = { p: [], br: [], em: [], strong: [], code: [], blockquote: [], a: ['href', 'rel'] };

/** Every element of the output is on the allow-list, with only its attributes; links are http(s) and carry the rel. */
function assertSafe(html: string): void {
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const el = node as Element;
      expect(Object.keys(ALLOWED), `<${el.name}> in ${html}`).toContain(el.name);
      for (const attr of Object.keys(el.attribs)) expect(ALLOWED[el.name], `${el.name}[${attr}] in ${html}`).toContain(attr);
      if (el.name === 'a') {
        // A link whose address was refused keeps no href at all.
        if (el.attribs.href !== undefined) expect(el.attribs.href).toMatch(/^https?:\/\/[^\s"'<>]+$/);
        expect(el.attribs.rel).toBe('nofollow ugc noopener');
      }
      walk(el.children);
    }
  };
  walk(parseDocument(html).children);
}

function text(html: string): string {
  return textContent(parseDocument(html));
}

describe('renderCommentBody: the subset', () => {
  it('makes paragraphs from blank lines and line breaks from single ones', () => {
    expect(renderCommentBody('First line\nsecond line\n\n\nNext paragraph')).toBe('<p>First line<br />second line</p><p>Next paragraph</p>');
    expect(renderCommentBody('Windows\r\nline\r\n\r\nends')).toBe('<p>Windows<br />line</p><p>ends</p>');
  });

  it('renders *emphasis*, **strong** and `code`, and leaves stray stars as text', () => {
    expect(renderCommentBody('An *important* and **very important** point about `berth_7`.')).toBe(
      '<p>An <em>important</em> and <strong>very important</strong> point about <code>berth_7</code>.</p>',
    );
    expect(renderCommentBody('** not strong ** and * not em *')).toBe('<p>** not strong ** and * not em *</p>');
    // Inside code nothing is formatted.
    expect(renderCommentBody('`*a* [x](https://a.example)`')).toBe('<p><code>*a* [x](https://a.example)</code></p>');
  });

  it('renders [text](url) and bare https:// addresses as nofollow ugc links, leaving the sentence punctuation outside', () => {
    expect(renderCommentBody('See [the report](https://stats.example.org/ports?q=1&y=2).')).toBe(
      '<p>See <a href="https://stats.example.org/ports?q=1&amp;y=2" rel="nofollow ugc noopener">the report</a>.</p>',
    );
    expect(renderCommentBody('Data: https://stats.example.org/t/(2025)). Next.')).toBe(
      '<p>Data: <a href="https://stats.example.org/t/(2025)" rel="nofollow ugc noopener">https://stats.example.org/t/(2025)</a>). Next.</p>',
    );
  });

  it('keeps links to anything but http(s) as plain text', () => {
    for (const body of ['[x](javascript:alert(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox)', '[x](//evil.example/)', '[x](https://user:pw@evil.example/)']) {
      const html = renderCommentBody(body);
      expect(html, body).not.toContain('<a');
      expect(text(html)).toBe(body);
    }
  });

  it('makes a quote of "> " lines, with paragraphs inside', () => {
    expect(renderCommentBody('> The port authority declined to comment.\n>\n> Again.\n\nOf course.')).toBe(
      '<blockquote><p>The port authority declined to comment.</p><p>Again.</p></blockquote><p>Of course.</p>',
    );
    // A ">" inside a paragraph is text.
    expect(renderCommentBody('3 > 2\nyes')).toBe('<p>3 &gt; 2<br />yes</p>');
  });

  it('drops control and direction-override characters', () => {
    expect(renderCommentBody('ab\u0000c\u202Ed\u200Be')).toBe('<p>abcde</p>');
  });
});


describe('renderCommentBody: hostile input', () => {
  it.each(XSS_PAYLOADS)('keeps %s as text: only the subset\'s own tags and attributes come out', (payload) => {
    const html = renderCommentBody(`Before ${payload} after`);
    assertSafe(html);
    expect(html).not.toMatch(/<(?:script|img|svg|iframe|style|object|embed|meta|base|form|input|template|math|details|video|x)\b/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    // What the commenter typed is all there, as text (markers of the subset aside).
    expect(text(html).replace(/\s+/g, ' ')).toContain('Before');
  });

  it('takes a payload as a website only as an http(s) address, its quotes and brackets encoded', () => {
    for (const payload of XSS_PAYLOADS) {
      const parsed = CommentWebsite.safeParse(payload);
      if (parsed.success && parsed.data !== '') expect(parsed.data, payload).toMatch(/^https?:\/\/[^\s"'<>`]+$/);
    }
    expect(CommentWebsite.safeParse('javascript:alert(1)').success).toBe(false);
    expect(CommentWebsite.safeParse('data:text/html,<script>alert(1)</script>').success).toBe(false);
  });

  it('cuts the raw text before rendering, so a cut never leaves half a tag or entity', () => {
    for (const payload of BASE_PAYLOADS) {
      const source = `${'x'.repeat(7)}${payload}`;
      for (let cut = 1; cut <= source.length; cut++) {
        const html = renderCommentBody(source, { maxLength: cut });
        assertSafe(html);
        // Whole elements only: the output ends where an element closes, never inside one.
        expect(html === '' || /<\/(?:p|blockquote)>$/.test(html), html).toBe(true);
        expect(text(html).length).toBeLessThanOrEqual(cut + 1);
      }
    }
  });

  it('counts the length on the text typed, not on the markup it becomes', () => {
    const body = 'Figures: https://stats.example.org/ports/2025';
    expect(renderCommentBody(body, { maxLength: body.length })).toBe(
      '<p>Figures: <a href="https://stats.example.org/ports/2025" rel="nofollow ugc noopener">https://stats.example.org/ports/2025</a></p>',
    );
  });

  it('cuts whole code points, not halves of an emoji', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab😀…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('the two walls, each on its own', () => {
  it('the renderer escapes what the commenter typed, even tags the sanitizer would allow', () => {
    expect(renderCommentBody('<strong>x</strong> <a href="/x">y</a>')).toBe('<p>&lt;strong&gt;x&lt;/strong&gt; &lt;a href="/x"&gt;y&lt;/a&gt;</p>');
  });

  it('the sanitizer keeps only its tags and attributes, http(s) links, and sets the rel', () => {
    expect(sanitizeCommentHtml('<p onclick="x()" class="c">a</p><img src=x onerror=alert(1)><script>alert(1)</script>')).toBe(
      '<p>a</p>&lt;img /&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(sanitizeCommentHtml('<a href="javascript:alert(1)" rel="me" target="_blank">x</a>')).toBe('<a rel="nofollow ugc noopener">x</a>');
    expect(sanitizeCommentHtml('<a href="https://a.example/" rel="me">x</a>')).toBe('<a href="https://a.example/" rel="nofollow ugc noopener">x</a>');
    for (const payload of XSS_PAYLOADS) assertSafe(sanitizeCommentHtml(payload));
  });
});

describe('links and excerpts', () => {
  it('counts [text](url) links, bare addresses and addresses without a scheme', () => {
    expect(linksIn('See [a](https://a.example/x) and https://b.example/y, or www.cheap-pills.com and buy-now.shop/deal.')).toEqual([
      'https://a.example/x',
      'https://b.example/y',
      'https://www.cheap-pills.com',
      'https://buy-now.shop/deal',
    ]);
    expect(linksIn('No links here, e.g. U.S. figures, 4.6 million boxes.')).toEqual([]);
  });

  it('makes a plain excerpt cut to length, markers dropped', () => {
    expect(commentExcerpt('> quoted **strong** text\n\nand [a link](https://a.example) after', 200)).toBe('quoted strong text and a link (https://a.example) after');
    expect(commentExcerpt('one two three four', 9)).toBe('one two…');
  });
});
