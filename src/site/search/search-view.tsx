import { searchMeta } from '../meta/build-meta.js';
import type { SiteChrome } from '../views/chrome.js';
import { formatDate, isoDateTime } from '../views/dates.js';
import { Layout } from '../views/layout.js';
import { Pagination } from '../views/pagination.js';
import { TrustedHtml } from '../views/trusted-html.js';
import type { SearchRequest } from './search-request.js';
import { hasFilters, searchHref } from './search-request.js';
import { type FilterChoices, SEARCH_PER_PAGE, type SearchHit, type SearchPage, type SearchPageOutcome, type TopicCard } from './load-search-page.js';

type Results = Extract<SearchPageOutcome, { kind: 'results' }>;

/** The reader's search page: the box and its filters, then the topics named, the results, or help. */
export function SearchView({ chrome, page }: { chrome: SiteChrome; page: SearchPage }) {
  const { request, outcome } = page;
  return (
    <Layout chrome={chrome} meta={searchMeta(chrome, request.q)} kind="search">
      <header class="list-header search-header">
        <h1 class="list-title" id="search-title">
          Search
        </h1>
        <SearchForm request={request} choices={page.choices} />
        {page.problems.length > 0 && (
          <ul class="search-notices">
            {page.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        )}
        {outcome.kind === 'results' && outcome.isTruncated && <p class="search-notice">{TRUNCATED}</p>}
        {page.suggestion && (
          <p class="search-did-you-mean">
            Did you mean <a href={searchHref(request, { q: page.suggestion.query })}>{page.suggestion.query}</a>?
          </p>
        )}
        {outcome.kind === 'results' && outcome.total.count > 0 && <ResultCount request={request} outcome={outcome} />}
      </header>
      {outcome.kind === 'results' && outcome.topicCards.length > 0 && <TopicCards cards={outcome.topicCards} request={request} />}
      <div class="search-body">
        {outcome.kind === 'results' && outcome.hits.length > 0 && <ResultList hits={outcome.hits} chrome={chrome} request={request} outcome={outcome} />}
        {outcome.kind === 'results' && outcome.hits.length === 0 && outcome.total.count > 0 && (
          <p class="empty">
            There is no page {outcome.page} of these results. <a href={searchHref(request, { page: outcome.pageCount })}>Go to the last page</a>.
          </p>
        )}
        {outcome.kind === 'results' && outcome.total.count === 0 && <NoResults request={request} />}
        {outcome.kind === 'nothing-to-search' && <NothingToSearch reason={outcome.reason} isTruncated={outcome.isTruncated} />}
        {outcome.kind === 'empty' && <SearchTips />}
        {page.browseTopics.length > 0 && (
          <nav class="search-browse" aria-labelledby="browse-title">
            <h2 id="browse-title" class="section-title">
              Browse topics
            </h2>
            <ul class="chips">
              {page.browseTopics.map((t) => (
                <li>
                  <a href={t.url}>{t.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </Layout>
  );
}

const TRUNCATED = 'Your search was longer than we read (1,000 characters, 10 words or phrases, 10 words in a phrase): only its first part was used.';

function SearchForm({ request, choices }: { request: SearchRequest; choices: FilterChoices }) {
  return (
    <form class="search-form" method="get" action="/search" role="search" aria-labelledby="search-title">
      <div class="search-box">
        <label for="search-q" class="visually-hidden">
          Search for
        </label>
        <input id="search-q" type="search" name="q" value={request.q} autocomplete="off" spellcheck={false} />
        <button type="submit">Search</button>
      </div>
      <details class="search-filters" open={hasFilters(request) || request.sort !== 'relevance'}>
        <summary>Filters and order</summary>
        <div class="search-filter-fields">
          <p>
            <label for="search-topic">Topic</label>
            <select id="search-topic" name="topic">
              <option value="">All topics</option>
              {choices.topics.map((t) => (
                <option value={t.id} selected={t.id === request.topicId}>
                  {`${'— '.repeat(t.depth)}${t.name}`}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-tag">Tag</label>
            <select id="search-tag" name="tag">
              <option value="">All tags</option>
              {choices.tags.map((t) => (
                <option value={t.id} selected={t.id === request.tagId}>
                  {t.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-author">Author</label>
            <select id="search-author" name="author">
              <option value="">Everyone</option>
              {choices.authors.map((a) => (
                <option value={a.id} selected={a.id === request.authorId}>
                  {a.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-from">Published from</label>
            <input id="search-from" type="date" name="from" value={request.from ?? ''} />
          </p>
          <p>
            <label for="search-to">to</label>
            <input id="search-to" type="date" name="to" value={request.to ?? ''} />
          </p>
          <p>
            <label for="search-sort">Order</label>
            <select id="search-sort" name="sort">
              <option value="relevance" selected={request.sort === 'relevance'}>
                Best match first
              </option>
              <option value="date" selected={request.sort === 'date'}>
                Newest first
              </option>
            </select>
          </p>
        </div>
        {hasFilters(request) && (
          <p class="search-clear">
            <a href={searchHref({ ...request, topicId: null, tagId: null, authorId: null, from: null, to: null })}>Clear the filters</a>
          </p>
        )}
      </details>
    </form>
  );
}

/** "12 results for “nlf” · page 2 of 3", with the other order a link away. */
function ResultCount({ request, outcome }: { request: SearchRequest; outcome: Results }) {
  const { total } = outcome;
  const count = total.isAtLeast ? `${total.count.toLocaleString('en')}+ results` : total.count === 1 ? '1 result' : `${total.count.toLocaleString('en')} results`;
  return (
    <div class="search-count">
      <p class="list-count" role="status">
        {count} for “{request.q.trim()}”{outcome.pageCount > 1 && ` · page ${outcome.page} of ${outcome.pageCount}`}
      </p>
      {total.count > 1 && (
        <p class="search-order">
          {request.sort === 'relevance' ? (
            <>
              Best match first · <a href={searchHref(request, { sort: 'date' })}>newest first</a>
            </>
          ) : (
            <>
              Newest first · <a href={searchHref(request, { sort: 'relevance' })}>best match first</a>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * The topics the query named, each with its other names and page. When a name belongs to
 * several (a shared acronym), each card narrows the results to its topic, and back.
 */
function TopicCards({ cards, request }: { cards: TopicCard[]; request: SearchRequest }) {
  const isShared = cards.length > 1;
  const chosen = cards.find((c) => c.isChosen);
  return (
    <section class="topic-cards" aria-labelledby="topic-cards-title">
      <h2 id="topic-cards-title" class="visually-hidden">
        {isShared ? 'Topics your search names' : 'The topic your search names'}
      </h2>
      {isShared && (
        <p class="topic-cards-note">
          {chosen ? (
            <>
              Showing only {chosen.name}. <a href={searchHref(request, { topicId: null })}>Show every topic’s results</a>
            </>
          ) : (
            `Your search names ${cards.length} topics; results for all of them are below.`
          )}
        </p>
      )}
      <ul class="topic-card-list">
        {cards.map((card) => (
          <li>
            <article class={`topic-card${card.isChosen ? ' is-chosen' : ''}`} aria-labelledby={`topic-card-${card.id}`}>
              <p class="list-kind">{card.kind}</p>
              <h3 class="topic-card-name" id={`topic-card-${card.id}`}>
                <a href={card.url}>{card.name}</a>
              </h3>
              {card.aliases.length > 0 && <p class="tagline">Also: {card.aliases.join(' · ')}</p>}
              {card.description && <p class="topic-card-description">{card.description}</p>}
              <p class="topic-card-links">
                <a href={card.url}>All articles about {card.name}</a>
                {isShared &&
                  (card.isChosen ? (
                    <span class="topic-card-chosen">Showing only this topic</span>
                  ) : (
                    <a href={searchHref(request, { topicId: card.id })}>Only this topic</a>
                  ))}
              </p>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultList({ hits, chrome, request, outcome }: { hits: SearchHit[]; chrome: SiteChrome; request: SearchRequest; outcome: Results }) {
  return (
    <section class="search-results" aria-labelledby="results-title">
      <h2 id="results-title" class="visually-hidden">
        Results{outcome.page > 1 ? `, page ${outcome.page} of ${outcome.pageCount}` : ''}
      </h2>
      <ol class="search-hits" start={(outcome.page - 1) * SEARCH_PER_PAGE + 1}>
        {hits.map((hit) => (
          <li>
            <article class="search-hit">
              {hit.topic && (
                <p class="kicker">
                  <a href={hit.topic.url}>{hit.topic.name}</a>
                </p>
              )}
              <h3 class="search-hit-title">
                {/* The engine's titleHtml and snippetHtml are escaped text with <mark> pairs only (search/marked-html.ts). */}
                <a href={hit.url}>
                  <TrustedHtml html={hit.titleHtml} />
                </a>
              </h3>
              {hit.snippetHtml && (
                <p class="search-hit-snippet">
                  <TrustedHtml html={hit.snippetHtml} />
                </p>
              )}
              <p class="card-meta">
                {hit.authors.length > 0 && <span>{hit.authors.map((a) => a.name).join(', ')}</span>}
                {hit.publishedAt && <time datetime={isoDateTime(hit.publishedAt)}>{formatDate(hit.publishedAt, chrome.settings)}</time>}
              </p>
            </article>
          </li>
        ))}
      </ol>
      <Pagination
        url="/search"
        page={outcome.page}
        pageCount={outcome.pageCount}
        href={(n) => searchHref(request, { page: n })}
        steps={{ previous: 'Previous', next: 'Next' }}
      />
    </section>
  );
}

function NoResults({ request }: { request: SearchRequest }) {
  return (
    <section class="search-help" aria-labelledby="help-title">
      <h2 id="help-title">Nothing matched “{request.q.trim()}”</h2>
      <ul>
        <li>Check the spelling, or try another name for what you want: most organisations are known by several.</li>
        <li>Use fewer words: every word must appear in an article.</li>
        {hasFilters(request) && (
          <li>
            <a href={searchHref({ ...request, topicId: null, tagId: null, authorId: null, from: null, to: null })}>Search again without the filters</a>.
          </li>
        )}
      </ul>
    </section>
  );
}

function NothingToSearch({ reason, isTruncated }: { reason: 'no-words' | 'only-exclusions'; isTruncated: boolean }) {
  return (
    <section class="search-help" aria-labelledby="help-title">
      <h2 id="help-title">{reason === 'only-exclusions' ? 'Your search only says what to leave out' : 'There is no word to search for'}</h2>
      <p>
        {reason === 'only-exclusions'
          ? 'A word with a minus in front (-word) leaves out the articles that have it. Add a word to look for, for example: harbour -strike.'
          : 'Search looks for words and names made of letters or digits; punctuation and symbols alone find nothing. Type a word, a name, or a "phrase in quotes".'}
      </p>
      {isTruncated && <p>{TRUNCATED}</p>}
      <SearchTips />
    </section>
  );
}

function SearchTips() {
  return (
    <section class="search-tips" aria-labelledby="tips-title">
      <h2 id="tips-title" class="section-title">
        How to search
      </h2>
      <ul>
        <li>Any name a topic goes by finds it: its full name, an acronym with or without dots, or another spelling.</li>
        <li>
          Put a phrase in quotes to find those words in a row: <code>"water quotas"</code>.
        </li>
        <li>
          Put a minus before a word to leave it out: <code>harbour -strike</code>.
        </li>
      </ul>
    </section>
  );
}
