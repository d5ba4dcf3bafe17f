import type { SiteChrome } from './chrome.js';

/** Masthead and the primary navigation of top-level topics; the page's own section is marked current. */
export function SiteHeader({ chrome, section }: { chrome: SiteChrome; section?: string | undefined }) {
  const { settings, primaryNav } = chrome;
  return (
    <header class="site-header">
      <div class="masthead">
        <a class="site-title" href="/" rel="home">
          {settings.title}
        </a>
        {settings.description && <p class="site-description">{settings.description}</p>}
      </div>
      {primaryNav.length > 0 && (
        <nav class="primary-nav" aria-label="Topics">
          <ul>
            {primaryNav.map((link) => (
              <li>
                <a href={link.url} aria-current={link.url === section ? 'true' : undefined}>
                  {link.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
