import type { ArchiveIndexPage, ArchiveMonthLink, ArchiveMonthNav, ArchiveMonthPage } from '../pages/reader-pages.js';
import { archiveIndexMeta, archiveMonthMeta } from '../meta/build-meta.js';
import { ARCHIVE_URL } from '../meta/urls.js';
import { ArticleList, ListCount } from './article-list.js';
import { Breadcrumb } from './breadcrumb.js';
import type { SiteChrome } from './chrome.js';
import { formatMonth, formatMonthName } from './dates.js';
import { Layout } from './layout.js';
import { countOf } from './words.js';

export function ArchiveMonthView({ chrome, page }: { chrome: SiteChrome; page: ArchiveMonthPage }) {
  const { settings } = chrome;
  const month = formatMonth(page.year, page.month, settings);
  return (
    <Layout chrome={chrome} meta={archiveMonthMeta(chrome, page)} kind="list">
      <header class="list-header">
        <Breadcrumb trail={[{ name: 'Archive', url: ARCHIVE_URL }]} current={month} />
        <h1 class="list-title">{month}</h1>
        <ListCount articles={page.articles} />
        <MonthSteps newer={page.newer} older={page.older} settings={settings} label="Other months" />
      </header>
      <ArticleList articles={page.articles} url={page.url} settings={settings} empty="Nothing was published this month." />
      <MonthSteps newer={page.newer} older={page.older} settings={settings} label="Other months, after the list" />
    </Layout>
  );
}

function MonthSteps({
  newer,
  older,
  settings,
  label,
}: {
  label: string;
  newer: ArchiveMonthNav | null;
  older: ArchiveMonthNav | null;
  settings: SiteChrome['settings'];
}) {
  if (!newer && !older) return null;
  return (
    <nav class="month-steps" aria-label={label}>
      {older ? (
        <a href={older.url} rel="prev">
          <span aria-hidden="true">← </span>
          {formatMonth(older.year, older.month, settings)}
        </a>
      ) : (
        <span />
      )}
      {newer && (
        <a href={newer.url} rel="next">
          {formatMonth(newer.year, newer.month, settings)}
          <span aria-hidden="true"> →</span>
        </a>
      )}
    </nav>
  );
}

export function ArchiveIndexView({ chrome, page }: { chrome: SiteChrome; page: ArchiveIndexPage }) {
  const { settings } = chrome;
  const years = groupByYear(page.months);
  return (
    <Layout chrome={chrome} meta={archiveIndexMeta(chrome, page)} kind="archive">
      <header class="list-header">
        <h1 class="list-title">Archive</h1>
        <p class="list-description">Every month we have published, newest first.</p>
      </header>
      {years.length === 0 && <p class="empty">Nothing has been published yet.</p>}
      <div class="archive-years">
        {years.map(({ year, months }) => (
          <section class="archive-year" aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`}>{year}</h2>
            <ul>
              {months.map((m) => (
                <li>
                  <a href={m.url}>{formatMonthName(m.year, m.month, settings)}</a>
                  <span class="archive-count">{countOf(m.count, 'article', 'articles')}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}

/** Years newest first, months newest first within each. */
function groupByYear(months: ArchiveMonthLink[]): { year: number; months: ArchiveMonthLink[] }[] {
  const byYear = new Map<number, ArchiveMonthLink[]>();
  for (const m of months) byYear.set(m.year, [...(byYear.get(m.year) ?? []), m]);
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({ year, months: list.sort((a, b) => b.month - a.month) }));
}
