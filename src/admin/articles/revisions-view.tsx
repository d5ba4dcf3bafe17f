import type { DiffBlock, RevisionComparison, RevisionEntry } from '../../content/index.js';
import { CsrfField } from '../views/form-fields.js';
import { formatStaffDate } from '../views/staff-dates.js';

/** A revision's time to the second: saves made a minute apart, or less, are told apart by it. */
const revisionTime = (iso: string, timeZone: string) => formatStaffDate(iso, timeZone, 'second');

const ACTION_LABELS: Record<string, string> = { save: 'Saved', publish: 'Published', restore: 'Restored an earlier revision' };

export interface RevisionsViewProps {
  articleId: string;
  title: string;
  version: number;
  revisions: RevisionEntry[];
  csrfToken: string;
  timeZone: string;
}

/** Every revision, newest first: compare any two, or restore one. */
export function RevisionsView({ articleId, title, version, revisions, csrfToken, timeZone }: RevisionsViewProps) {
  const newest = revisions[0]?.id;
  const older = revisions[1]?.id ?? newest;
  return (
    <section aria-labelledby="revisions-title">
      <div class="admin-page-head">
        <h1 id="revisions-title">Revisions of “{title}”</h1>
        <a href={`/admin/articles/${articleId}/edit`}>Back to the article</a>
      </div>
      <form method="get" action={`/admin/articles/${articleId}/revisions/compare`}>
        <table class="admin-table">
          <caption class="admin-muted">Choose two revisions to compare (dates in {timeZone})</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Title</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <td>
                  <input type="radio" name="from" value={r.id} checked={r.id === older} aria-label={`Compare from the revision of ${revisionTime(r.createdAt, timeZone)}`} />
                </td>
                <td>
                  <input type="radio" name="to" value={r.id} checked={r.id === newest} aria-label={`Compare to the revision of ${revisionTime(r.createdAt, timeZone)}`} />
                </td>
                <td>{revisionTime(r.createdAt, timeZone)}</td>
                <td>{r.by ?? 'An import'}</td>
                <td>{ACTION_LABELS[r.action] ?? r.action}</td>
                <td>{r.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="submit">Compare</button>
        </p>
      </form>
      <h2>Restore a revision</h2>
      <p class="admin-hint">Restoring brings back its title, dek and body as a new save; the current text stays in the revisions.</p>
      <ul class="revision-restores">
        {revisions.slice(1).map((r) => (
          <li>
            <RestoreButton articleId={articleId} revision={r} version={version} csrfToken={csrfToken} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RestoreButton({ articleId, revision, version, csrfToken, timeZone }: { articleId: string; revision: RevisionEntry; version: number; csrfToken: string; timeZone: string }) {
  return (
    <form method="post" action={`/admin/articles/${articleId}/revisions/${revision.id}/restore`} class="admin-inline-form revision-restore">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit" class="admin-button-secondary">
        Restore the revision of {revisionTime(revision.createdAt, timeZone)} ({revision.by ?? 'an import'})
      </button>
    </form>
  );
}

export interface RevisionDiffViewProps {
  articleId: string;
  comparison: RevisionComparison;
  version: number;
  csrfToken: string;
  timeZone: string;
}

const FIELD_LABELS: Record<DiffBlock['field'], string> = { title: 'Title', dek: 'Dek', body: 'Body' };

/** Two revisions side by side in one column: removed words struck, added words marked. */
export function RevisionDiffView({ articleId, comparison, version, csrfToken, timeZone }: RevisionDiffViewProps) {
  const { from, to, blocks } = comparison;
  const changed = blocks.filter((b) => b.change !== 'same').length;
  return (
    <section aria-labelledby="diff-title">
      <div class="admin-page-head">
        <h1 id="diff-title">Changes to “{comparison.articleTitle}”</h1>
        <a href={`/admin/articles/${articleId}/revisions`}>All revisions</a>
      </div>
      <p>
        From the revision of {revisionTime(from.createdAt, timeZone)} ({from.by ?? 'an import'}) to that of {revisionTime(to.createdAt, timeZone)} ({to.by ?? 'an import'}):{' '}
        {changed === 0 ? 'no change.' : `${changed} ${changed === 1 ? 'block' : 'blocks'} changed.`}
      </p>
      <p class="admin-hint">
        <del>Struck</del> words are in the earlier revision only; <ins>marked</ins> words in the later one only.
      </p>
      <ol class="revision-diff">
        {withUnchangedFolded(blocks).map((item) =>
          'folded' in item ? (
            <li class="diff-folded">
              <details>
                <summary>{item.folded.length} unchanged blocks</summary>
                <ol class="revision-diff">{item.folded.map(DiffLine)}</ol>
              </details>
            </li>
          ) : (
            DiffLine(item)
          ),
        )}
      </ol>
      <RestoreButton articleId={articleId} revision={from} version={version} csrfToken={csrfToken} timeZone={timeZone} />
    </section>
  );
}

function DiffLine(b: DiffBlock) {
  return (
    <li class={`diff-${b.change}`}>
      <span class="diff-field">{FIELD_LABELS[b.field]}</span>{' '}
      {b.parts.map((p) => (p.change === 'added' ? <ins>{p.text}</ins> : p.change === 'removed' ? <del>{p.text}</del> : p.text))}
    </li>
  );
}

/** Unchanged blocks kept beside a change, for context. */
const CONTEXT_BLOCKS = 1;

/**
 * The blocks with each long run of unchanged ones folded away (a long article's diff is
 * otherwise a page of grey text around one changed line); a change keeps one block of
 * context on either side, and a fold hides at least two blocks.
 */
export function withUnchangedFolded(blocks: readonly DiffBlock[]): (DiffBlock | { folded: DiffBlock[] })[] {
  const items: (DiffBlock | { folded: DiffBlock[] })[] = [];
  for (let i = 0; i < blocks.length; ) {
    if (blocks[i]!.change !== 'same') {
      items.push(blocks[i++]!);
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end]!.change === 'same') end++;
    const keepBefore = i > 0 ? CONTEXT_BLOCKS : 0;
    const keepAfter = end < blocks.length ? CONTEXT_BLOCKS : 0;
    const run = blocks.slice(i, end);
    if (run.length - keepBefore - keepAfter < 2) items.push(...run);
    else items.push(...run.slice(0, keepBefore), { folded: run.slice(keepBefore, run.length - keepAfter) }, ...run.slice(run.length - keepAfter));
    i = end;
  }
  return items;
}
