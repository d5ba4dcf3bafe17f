import type { TagPage } from '../pages/reader-pages.js';
import { tagMeta } from '../meta/build-meta.js';
import { ArticleList, ListCount } from './article-list.js';
import type { SiteChrome } from './chrome.js';
import { Layout } from './layout.js';

export function TagView({ chrome, page }: { chrome: SiteChrome; page: TagPage }) {
  const { tag, articles } = page;
  return (
    <Layout chrome={chrome} meta={tagMeta(chrome, page)} kind="list">
      <header class="list-header">
        <p class="list-kind">Tag</p>
        <h1 class="list-title">{tag.name}</h1>
        <ListCount articles={articles} />
      </header>
      <ArticleList articles={articles} url={tag.url} settings={chrome.settings} />
    </Layout>
  );
}
