import type { TopicPage } from '../pages/reader-pages.js';
import { topicMeta } from '../meta/build-meta.js';
import { ArticleList, ListCount } from './article-list.js';
import { Breadcrumb } from './breadcrumb.js';
import type { SiteChrome } from './chrome.js';
import { Layout } from './layout.js';
import { Tagline } from './tagline.js';

export function TopicView({ chrome, page }: { chrome: SiteChrome; page: TopicPage }) {
  const { topic, trail, subtopics, articles } = page;
  return (
    <Layout chrome={chrome} meta={topicMeta(chrome, page)} kind="list" section={trail[0]?.url ?? topic.url}>
      <header class="list-header">
        <Breadcrumb trail={trail} />
        <h1 class="list-title">{topic.name}</h1>
        <Tagline names={topic.aliases} />
        {topic.description && <p class="list-description">{topic.description}</p>}
        <ListCount articles={articles} />
        {subtopics.length > 0 && (
          <nav class="subtopics" aria-label={`Within ${topic.name}`}>
            <ul class="chips">
              {subtopics.map((s) => (
                <li>
                  <a href={s.url}>{s.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <ArticleList articles={articles} url={topic.url} settings={chrome.settings} />
    </Layout>
  );
}
