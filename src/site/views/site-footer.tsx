import { ARCHIVE_URL, feedUrl } from '../meta/urls.js';
import type { SiteChrome } from './chrome.js';

/** Pages, feeds, the archive, and who made the software. */
export function SiteFooter({ chrome }: { chrome: SiteChrome }) {
  const { settings, pages } = chrome;
  return (
    <footer class="site-footer">
      <div class="footer-inner">
        <div class="footer-about">
          <a class="footer-title" href="/">
            {settings.title}
          </a>
          {settings.description && <p>{settings.description}</p>}
        </div>
        <nav class="footer-nav" aria-label="Site">
          <ul>
            {settings.secondaryNavigation.map((link) => (
              <li class="menu-link">
                <a href={link.url}>{link.label}</a>
              </li>
            ))}
            {pages.map((page) => (
              <li>
                <a href={page.url}>{page.name}</a>
              </li>
            ))}
            <li>
              <a href={ARCHIVE_URL}>Archive</a>
            </li>
          </ul>
        </nav>
        <nav class="footer-feeds" aria-label="Feeds">
          <ul>
            <li>
              <a href={feedUrl('/', 'rss')}>RSS</a>
            </li>
            <li>
              <a href={feedUrl('/', 'atom')}>Atom</a>
            </li>
            <li>
              <a href={feedUrl('/', 'json')}>JSON Feed</a>
            </li>
          </ul>
        </nav>
        <p class="footer-credit">
          © {settings.publisherName} · Powered by Dossier
        </p>
      </div>
    </footer>
  );
}
