import type { AuthorPage } from '../pages/reader-pages.js';
import { authorMeta } from '../meta/build-meta.js';
import { ArticleList, ListCount } from './article-list.js';
import type { SiteChrome } from './chrome.js';
import { Layout } from './layout.js';
import { Picture } from './picture.js';

export function AuthorView({ chrome, page }: { chrome: SiteChrome; page: AuthorPage }) {
  const { author, articles } = page;
  return (
    <Layout chrome={chrome} meta={authorMeta(chrome, page)} kind="list">
      <header class={`list-header author-header${author.avatar ? ' has-avatar' : ''}`}>
        {author.avatar && (
          <div class="avatar">
            <Picture image={author.avatar} sizes="8rem" alt="" isLead />
          </div>
        )}
        <div>
          <p class="list-kind">Author</p>
          <h1 class="list-title">{author.name}</h1>
          {author.bio && <p class="list-description">{author.bio}</p>}
          <ListCount articles={articles} />
        </div>
      </header>
      <ArticleList articles={articles} url={author.url} settings={chrome.settings} />
    </Layout>
  );
}
