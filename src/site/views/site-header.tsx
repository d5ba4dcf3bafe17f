import type { SiteChrome } from './chrome.js';

/**
 * Masthead with the search box, and the primary navigation: the top-level topics, then the
 * header menu set in the admin's settings; the page's own section is marked current.
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
        <SiteSearch />
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

/**
 * A plain GET form to the search page, which is all it is without script; public/search.js
 * (the layout loads it) adds suggestions from `data-suggest` as the reader types.
 */
function SiteSearch() {
  return (
    <form class="site-search" method="get" action="/search" role="search" aria-label="Site" data-suggest="/search/suggest">
      <label for="site-search-q" class="visually-hidden">
        Search the site
      </label>
      <input id="site-search-q" class="site-search-input" type="search" name="q" placeholder="Search names, topics, articles" autocomplete="off" spellcheck={false} />
      <button type="submit" class="site-search-button">
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="m13 13 5 5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        <span class="visually-hidden">Search</span>
      </button>
    </form>
  );
}
