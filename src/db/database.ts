import type { Kysely } from 'kysely';
import type {
  AccountTokensTable,
  RateCountersTable,
  RecoveryCodesTable,
  SessionsTable,
  SignInChallengesTable,
  UsersTable,
} from '../accounts/accounts.table.js';
import type { CommentBlocksTable, CommentsTable, SpamTokensTable } from '../comments/comment.table.js';
import type {
  ArticleAuthorsTable,
  ArticleDraftsTable,
  ArticleListingsTable,
  ListCountsTable,
  ArticleRevisionsTable,
  ArticlesTable,
  ArticleTagsTable,
  ArticleTopicsTable,
  PagesTable,
} from '../content/article.table.js';
import type { ArticleRelatedTable, ArticleTermsTable, TermFrequenciesTable } from '../related/related.table.js';
import type { MailOutboxTable } from '../mail/outbox.table.js';
import type { MediaTable } from '../media/media.table.js';
import type { RedirectsTable } from '../redirects/redirect.table.js';
import type { SearchDocumentsTable, SearchTermsTable, SearchTermTrigramsTable, SearchTextsTable, SearchTopicNamesTable } from '../search/search.table.js';
import type { SettingsTable } from '../settings/settings.table.js';
import type { TagsTable, TopicsTable } from '../taxonomy/taxonomy.table.js';

export interface Tables {
  settings: SettingsTable;
  media: MediaTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_counters: RateCountersTable;
  account_tokens: AccountTokensTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  mail_outbox: MailOutboxTable;
  topics: TopicsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_topics: ArticleTopicsTable;
  article_tags: ArticleTagsTable;
  article_listings: ArticleListingsTable;
  list_counts: ListCountsTable;
  article_revisions: ArticleRevisionsTable;
  article_drafts: ArticleDraftsTable;
  article_related: ArticleRelatedTable;
  article_terms: ArticleTermsTable;
  term_frequencies: TermFrequenciesTable;
  pages: PagesTable;
  comments: CommentsTable;
  comment_blocks: CommentBlocksTable;
  spam_tokens: SpamTokensTable;
  redirects: RedirectsTable;
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  search_topic_names: SearchTopicNamesTable;
  search_terms: SearchTermsTable;
  search_term_trigrams: SearchTermTrigramsTable;
}

export type Database = Kysely<Tables>;
export type Dialect = 'sqlite' | 'postgres';
