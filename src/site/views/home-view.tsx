import type { HomePage, HomeSection } from '../pages/reader-pages.js';
import type { SiteSettings } from '../../settings/index.js';
import { homeMeta } from '../meta/build-meta.js';
import { ArticleCard, CardList } from './article-card.js';
import type { SiteChrome } from './chrome.js';
import { Layout } from './layout.js';

/** Home: the lead story, the latest, then a section per top-level topic. */
export function HomeView({ chrome, page }: { chrome: SiteChrome; page: HomePage }) {
  const { settings } = chrome;
  const isEmpty = !page.lead && page.latest.length === 0 && page.sections.length === 0;
  return (
    <Layout chrome={chrome} meta={homeMeta(chrome, page)} kind="home">
      <h1 class="visually-hidden">{settings.title}</h1>
      {isEmpty && <p class="empty">Nothing has been published yet. Check back soon.</p>}
      {page.lead && (
        <section class="home-lead" aria-label="Lead story">
          <ArticleCard article={page.lead} settings={settings} variant="lead" level={2} isLead />
        </section>
      )}
      {page.latest.length > 0 && (
        <section class="home-latest" aria-labelledby="latest-title">
          <h2 id="latest-title" class="section-title">
            Latest
          </h2>
          <CardList articles={page.latest} settings={settings} variant="grid" leadsPage={!page.lead?.image} />
        </section>
      )}
      {page.sections.map((section) => (
        <TopicSection section={section} settings={settings} />
      ))}
    </Layout>
  );
}

function TopicSection({ section, settings }: { section: HomeSection; settings: SiteSettings }) {
  const { topic, articles } = section;
  const [first, ...rest] = articles;
  const id = `section-${topic.url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;
  return (
    <section class="home-section" aria-labelledby={id}>
      <header class="home-section-header">
        <h2 id={id} class="section-title">
          <a href={topic.url}>{topic.name}</a>
        </h2>
        {topic.description && <p class="home-section-description">{topic.description}</p>}
      </header>
      <div class="home-section-body">
        {first && <ArticleCard article={first} settings={settings} variant="grid" showTopic={false} />}
        {rest.length > 0 && <CardList articles={rest} settings={settings} variant="compact" showTopic={false} />}
      </div>
      <p class="more-link">
        <a href={topic.url}>
          More in {topic.name}
          <span aria-hidden="true"> →</span>
        </a>
      </p>
    </section>
  );
}
