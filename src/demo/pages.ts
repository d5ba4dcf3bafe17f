/** The site’s three pages: short, and honest that this is a demonstration. */
import type { DemoPage } from './demo-types.js';
import { PUBLICATION } from './world.js';

export const PAGES: readonly DemoPage[] = [
  {
    slug: 'about',
    title: 'About',
    bodyHtml: [
      `<p>${PUBLICATION} is a demonstration publication. It shows what a topic-focused analysis site looks like when it runs on Dossier: long reads and shorter pieces, a topic tree, tags, authors and reader comments.</p>`,
      '<p>Everything in it is invented. Kaldora, Orsenia, Tamrhat and Herrevan do not exist, and neither do the people, parties, companies, armed groups and aid agencies that appear in our articles. Any resemblance to real places, people or events is unintended. The images are generated illustrations, not photographs.</p>',
      '<h2>What we cover</h2>',
      '<ul><li>The ceasefire in Tolvane and the talks in Belcastro.</li><li>Kaldora’s election, its currency and its port.</li><li>Gas, water and drought on the southern shore.</li><li>The route north over the Askel Pass.</li></ul>',
      '<p>The articles were produced by a content generator written for the project, so that the software can be tried, tested and measured with realistic material.</p>',
    ].join('\n'),
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    bodyHtml: [
      '<p>This is a demonstration site. Its content is fictional, but the software is real, so here is what it does with information about you.</p>',
      '<h2>Comments</h2>',
      '<p>If you leave a comment, we store your name, your email address, the optional web address you give and the text of your comment. Your email address is never shown on the site. Comments are held for moderation before they appear.</p>',
      '<h2>Cookies and logs</h2>',
      '<p>Readers are not tracked. The site sets a cookie only when an editor signs in to the administration area. Our web server keeps ordinary access logs for a short period to deal with errors and abuse.</p>',
      '<h2>Your choices</h2>',
      '<p>You can ask us to remove a comment you wrote, or the personal data stored with it, by writing to the address on the contact page.</p>',
    ].join('\n'),
  },
  {
    slug: 'contact',
    title: 'Contact',
    bodyHtml: [
      `<p>${PUBLICATION} is fictional, and so is its newsroom: there is no office in Belcastro and no correspondent waiting for your call in Tolvane.</p>`,
      '<p>If you have a question about this demonstration site or the software behind it, write to <a href="mailto:editors@example.org">editors@example.org</a>. This is an example address and messages sent to it are not read.</p>',
    ].join('\n'),
  },
];
