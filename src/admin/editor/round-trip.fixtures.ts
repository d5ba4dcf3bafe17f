/** Bodies for the round-trip test, as authors would submit them; the test stores them through the save step first. */

/** Every element and attribute of docs/body-html.md, in the shapes the editor writes. */
export const SUBSET_BODY = [
  '<h2>Section one</h2>',
  '<p>Plain, <strong>strong</strong>, <b>b</b>, <em>em</em>, <i>i</i>, <s>s</s>, H<sub>2</sub>O, x<sup>2</sup>, <code>code()</code>, a line<br>break, &amp; an ampersand, a&nbsp;non-breaking space, 3 &lt; 4 &gt; 2 and “quotes” and "straight" ones.</p>',
  '<p>Links: <a href="https://example.org/report" title="The report">external</a>, <a href="/economy/inflation/">a site path</a>, <a href="mailto:desk@example.org">mail</a>, and <a href="https://example.org/x"><em>emphasis in a link</em></a>.</p>',
  '<p></p>',
  '<h3>Sub section</h3>',
  '<h4>Minor heading</h4>',
  '<h2>Section one</h2>',
  '<ul><li>One</li><li>Two<ul><li>Two a</li></ul></li><li><p>Three in a paragraph</p></li></ul>',
  '<ol start="3"><li>Third</li><li>Fourth</li></ol><ol><li>First</li></ol>',
  '<blockquote><p>“A quotation.”</p><cite>Name Surname, a role</cite></blockquote>',
  '<blockquote><p>Two paragraphs.</p><p>In one quote, no cite.</p></blockquote>',
  '<blockquote class="pull-quote"><p>A pull quote.</p></blockquote>',
  '<figure><img src="/media/not-in-the-library.jpg" alt="An image the library does not know" width="800" height="450"><figcaption>Caption text. <small class="credit">Agency / Photographer</small></figcaption></figure>',
  '<figure><img src="https://images.example.org/a.jpg" alt=""></figure>',
  '<figure><img src="https://images.example.org/b.jpg" alt="Only a caption"><figcaption>Only a caption.</figcaption></figure>',
  '<figure><img src="https://images.example.org/c.jpg" alt="Only a credit"><figcaption><small class="credit">Photo: Someone</small></figcaption></figure>',
  '<figure class="gallery"><figure><img src="https://images.example.org/g1.jpg" alt="One"><figcaption>First <small class="credit">A</small></figcaption></figure><figure><img src="https://images.example.org/g2.jpg" alt="Two"></figure></figure>',
  '<figure class="link-card"><a href="https://example.org/long-read"><strong>A long read elsewhere</strong> <span>What it says, in a line.</span> <small>example.org</small></a></figure>',
  '<figure class="link-card"><a href="https://example.net/"><strong>Title only</strong> <small>example.net</small></a></figure>',
  '<hr>',
  '<div class="html-block"><table><caption>Results</caption><thead><tr><th scope="col">Party</th><th scope="col">Seats</th></tr></thead><tbody><tr><td>Accord</td><td>41</td></tr><tr><td colspan="2">Total: 41</td></tr></tbody></table></div>',
  '<p>The end.</p>',
].join('\n');

/** Three blocks the server keeps but the schema cannot hold exactly, among ordinary ones. */
export const UNEDITABLE_BODY = [
  '<p>Before.</p>',
  '<div><p>A div without a class.</p></div>',
  '<table><tbody><tr><td>A bare table</td></tr></tbody></table>',
  '<p>Small print: <small>not a credit</small>.</p>',
  '<p>After.</p>',
].join('\n');
