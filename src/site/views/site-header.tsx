import type { SiteChrome } from './chrome.js';

/**
 * Masthead and the primary navigation: the top-level topics, then the header menu set in
 * the admin's settings; the page's own section is marked current.
 */
export function SiteHeader({ chrome, section }: { chrome: SiteChrome; section?: string | undefined }) {
  const { settings, primaryNav } = chrome;
  const menu = settings.navigation;
  return (
    <header class="site-header">
      <div class="masthead">
        <a class="site-title" href="/" rel="home">
          {settings.title}
        </a>
        {settings.description && <p class="site-description">{settings.description}</p>}
      </div>
      {primaryNav.length + menu.length > 0 && (
        <nav class="primary-nav" aria-label="Sections">
          <ul>
            {primaryNav.map((link) => (
              <li>
                <a href={link.url} aria-current={link.url === section ? 'true' : undefined}>
                  {link.name}
                </a>
              </li>
            ))}
            {menu.map((link) => (
              <li class="menu-link">
                <a href={link.url} aria-current={link.url === section ? 'true' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
