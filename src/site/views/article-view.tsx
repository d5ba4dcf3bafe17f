import type { ArticlePage } from '../pages/reader-pages.js';
import { articleMeta } from '../meta/build-meta.js';
import { Breadcrumb } from './breadcrumb.js';
import { Byline } from './byline.js';
import type { SiteChrome } from './chrome.js';
import { CommentThread, type OwnComment } from './comment-thread.js';
import { Layout } from './layout.js';
import { Figure } from './picture.js';
import { RelatedList } from './related-list.js';
import { Tagline } from './tagline.js';
import { TermLinks } from './term-links.js';
import { splitLead } from './split-lead.js';
import { Toc, TOC_MIN_ENTRIES } from './toc.js';
import { TrustedHtml } from './trusted-html.js';

// The featured image spans the wide column on desktop (see .featured in site.css).
const FEATURED_SIZES = '(min-width: 64rem) 60rem, 100vw';

/** The article page: DESIGN.md §1, top to bottom. */
export function ArticleView({ chrome, page, isPreview = false, own }: { chrome: SiteChrome; page: ArticlePage; isPreview?: boolean; own?: OwnComment | undefined }) {
  const { article, related, comments } = page;
  const { settings } = chrome;
  const hasToc = article.toc.length >= TOC_MIN_ENTRIES;
  // The opening paragraphs first, then the contents of what follows (DESIGN.md §1).
  const { lead, rest } = hasToc ? splitLead(article.body) : { lead: '', rest: article.body };
  return (
    <Layout chrome={chrome} meta={isPreview ? { ...articleMeta(chrome, page), robots: 'noindex, nofollow' } : articleMeta(chrome, page)} kind="article" section={article.trail[0]?.url}>
      {isPreview && (
        <p class="preview-notice" role="status">
          Preview: readers do not see this version until it is published.
        </p>
      )}
      <article class={`article${hasToc ? ' has-toc' : ''}`}>
        <header class="article-header">
          <Breadcrumb trail={article.trail} current={article.title} />
          <h1 class="article-title">{article.title}</h1>
          {article.dek && <p class="dek">{article.dek}</p>}
          <Tagline names={article.tagline} />
          <Byline
            authors={article.authors}
            publishedAt={article.publishedAt}
            updatedAt={article.updatedAt}
            readingMinutes={article.readingMinutes}
            source={article.source}
            settings={settings}
          />
        </header>
        {article.image && <Figure image={article.image} class="featured" sizes={FEATURED_SIZES} isLead />}
        <div class="article-layout">
          {lead && (
            <div class="article-lead prose">
              <TrustedHtml html={lead} />
            </div>
          )}
          {hasToc && <Toc entries={article.toc} />}
          <div class="article-body prose">
            <TrustedHtml html={rest} />
          </div>
        </div>
        <footer class="article-footer">
          <TermLinks topics={article.topics} tags={article.tags} />
        </footer>
      </article>
      <div class="after-article">
        <RelatedList articles={related} settings={settings} />
        <CommentThread thread={comments} articleId={article.id} isOpen={page.commenting.isOpen && !isPreview} settings={settings} script={chrome.assets.commentsScript} own={own} pages={page.commentPages} />
      </div>
    </Layout>
  );
}
