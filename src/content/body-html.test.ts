import { describe, expect, it } from 'vitest';
import type { MediaImage } from '../media/media.js';
import { htmlToText, imageSources, prepareBody, readingMinutes, sanitizeBody, shorten } from './body-html.js';

describe('sanitizeBody', () => {
  it('removes scripts, handlers, styles and javascript: URLs whoever wrote them', () => {
    const dirty =
      '<p onclick="steal()" style="color:red">Hi <script>alert(1)</script><a href="javascript:alert(2)">x</a></p>' +
      '<iframe src="https://evil.example"></iframe><img src="x" onerror="alert(3)"><svg><script>alert(4)</script></svg>';
    const clean = sanitizeBody(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|style=|javascript:|iframe|svg/i);
    expect(clean).toContain('Hi ');
  });

  it('keeps the subset: pull quotes, figures with credits, link cards, tables', () => {
    const html =
      '<blockquote class="pull-quote"><p>Said.</p></blockquote>' +
      '<figure class="gallery"><figure><img src="/media/a.jpg" alt="A"><figcaption>Cap <small class="credit">Photo: X</small></figcaption></figure></figure>' +
      '<figure class="link-card"><a href="https://example.org/r"><strong>T</strong></a></figure>' +
      '<div class="html-block"><table><tr><th scope="col">h</th></tr></table></div>';
    const clean = sanitizeBody(html);
    for (const part of ['class="pull-quote"', 'class="gallery"', 'class="credit"', 'class="link-card"', '<th scope="col">', 'rel="noopener"']) {
      expect(clean).toContain(part);
    }
  });

  it('drops unknown classes and keeps the text of unknown tags', () => {
    expect(sanitizeBody('<p class="evil"><span class="x">words</span> <marquee>moving</marquee></p>')).toBe('<p><span>words</span> moving</p>');
  });
});

describe('prepareBody', () => {
  const image: MediaImage = {
    id: 'm1',
    url: '/media/m1-1200.jpg',
    width: 1200,
    height: 675,
    alt: 'Library alt',
    caption: '',
    credit: '',
    variants: [
      { width: 480, height: 270, format: 'jpeg', file: 'm1-480.jpg' },
      { width: 1200, height: 675, format: 'jpeg', file: 'm1-1200.jpg' },
      { width: 480, height: 270, format: 'webp', file: 'm1-480.webp' },
      { width: 1200, height: 675, format: 'webp', file: 'm1-1200.webp' },
    ],
  };

  it('anchors headings, de-duplicating ids, and lists h2/h3 in the table of contents', () => {
    const body = prepareBody('<h2 id="bad">The Port &amp; the City</h2><p>a</p><h3>Background</h3><h2>Background</h2><h4>Minor</h4>');
    expect(body.toc).toEqual([
      { id: 'the-port-the-city', text: 'The Port & the City', level: 2 },
      { id: 'background', text: 'Background', level: 3 },
      { id: 'background-2', text: 'Background', level: 2 },
    ]);
    expect(body.html).toContain('<h2 id="the-port-the-city">');
    expect(body.html).toContain('<h4 id="minor">');
  });

  it('turns the site’s own images into pictures with WebP and JPEG srcsets and a true size', () => {
    const src = '<figure><img src="/media/m1-1200.jpg" alt="Dock cranes"><figcaption>Cap</figcaption></figure>';
    expect(imageSources(src)).toEqual(['/media/m1-1200.jpg']);
    const body = prepareBody(src, new Map([['/media/m1-1200.jpg', image]]));
    expect(body.html).toContain('<picture><source type="image/webp" srcset="/media/m1-480.webp 480w, /media/m1-1200.webp 1200w"');
    expect(body.html).toContain('width="1200" height="675" alt="Dock cranes" loading="lazy"');
    // Saving the prepared body again gives the same HTML: the editor round-trips it.
    expect(prepareBody(body.html, new Map([['/media/m1-1200.jpg', image]])).html).toBe(body.html);
  });

  it('counts words and takes the lead paragraph', () => {
    const body = prepareBody(`<p>${'word '.repeat(300)}</p><p>second paragraph here</p>`);
    expect(body.wordCount).toBe(303);
    expect(body.lead.length).toBeLessThanOrEqual(220);
    expect(body.lead.endsWith('…')).toBe(true);
    expect(readingMinutes(body.wordCount)).toBe(1);
    expect(readingMinutes(3400)).toBe(15);
  });

  it('shortens at a word boundary', () => {
    expect(shorten('The minister said the port would reopen', 20)).toBe('The minister said…');
  });
});

describe('htmlToText', () => {
  const html = '<h2>Quays</h2><figure><img src="a.jpg" alt="A"><figcaption>Cranes <small class="credit">Photo: X</small></figcaption></figure><p>Pilots<br>and <em>tugs</em>\u2029wait.</p>';
  it('parts blocks, keeps inline text together and reads a line break as a space', () => {
    expect(htmlToText(html)).toBe('Quays Cranes Photo: X Pilots and tugs wait.');
  });

  it('puts the separator it is given between blocks only, a quotation and its attribution being one', () => {
    expect(htmlToText(html, ' | ')).toBe('Quays | Cranes Photo: X | Pilots and tugs wait.');
    expect(htmlToText('<p>Before.</p><blockquote><p>“Hold the line.”</p><p>Twice.</p><cite>A. Commander</cite></blockquote><p>After.</p>', ' | ')).toBe(
      'Before. | “Hold the line.” Twice. A. Commander | After.',
    );
  });
});
