/** The parts every admin list shares: the filter form above it and the page links below. */
import { TextField } from './form-fields.js';

export interface ListFilterProps {
  /** the list's own URL: the filter is a GET to it, so a filtered list can be bookmarked */
  action: string;
  label: string;
  value: string;
  name?: string;
  hint?: string;
}

export function ListFilter(props: ListFilterProps) {
  return (
    <form method="get" action={props.action} class="admin-toolbar" role="search">
      <TextField name={props.name ?? 'q'} label={props.label} type="search" value={props.value} hint={props.hint} />
      <button type="submit" class="admin-button-secondary">
        Filter
      </button>
    </form>
  );
}

export interface StatusTab {
  label: string;
  href: string;
  count: number;
  isCurrent: boolean;
}

/** A list's tabs by status, each with its count; the current one is marked for screen readers and styles. */
export function StatusTabs(props: { label: string; tabs: StatusTab[] }) {
  return (
    <nav aria-label={props.label} class="admin-tabs">
      <ul>
        {props.tabs.map((tab) => (
          <li>
            <a href={tab.href} aria-current={tab.isCurrent ? 'page' : undefined}>
              {tab.label} <span class="admin-badge">{tab.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface PaginationProps {
  /** names the navigation for screen readers, e.g. "Pages of tags" */
  label: string;
  page: number;
  /** known for counted lists ("Page 2 of 7"); the outbox only knows whether more follow */
  pageCount?: number;
  hasNext?: boolean;
  href: (page: number) => string;
  previous?: string;
  next?: string;
}

/** Previous and next links, or nothing when the list fits on one page. */
export function Pagination(props: PaginationProps) {
  const hasNext = props.hasNext ?? (props.pageCount !== undefined && props.page < props.pageCount);
  if (props.page <= 1 && !hasNext) return null;
  return (
    <nav class="admin-pagination" aria-label={props.label}>
      {props.page > 1 ? <a href={props.href(props.page - 1)}>{props.previous ?? 'Previous'}</a> : null}
      {props.pageCount !== undefined ? <span>{`Page ${props.page} of ${props.pageCount}`}</span> : null}
      {hasNext ? <a href={props.href(props.page + 1)}>{props.next ?? 'Next'}</a> : null}
    </nav>
  );
}
