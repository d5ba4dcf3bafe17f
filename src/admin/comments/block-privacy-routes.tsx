import { addBlock, BLOCK_KINDS, type BlockKind, type CommentDeps, eraseCommentsByEmail, exportCommentsByEmail, listBlocks, removeBlock } from '../../comments/index.js';
import { ValidationError } from '../../shared/errors.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, noticeFrom, readForm, refusalOf } from '../forms/form-kit.js';
import type { AdminContext, AdminRoute } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { type BlockFormValues, BlockListView } from './block-views.js';
import { EraseConfirmView, type PrivacyFormValues, PrivacyView } from './privacy-views.js';

const BLOCK_NOTICES = { added: 'Added to the block list.', removed: 'Removed from the block list.', 'not-found': 'That entry was not on the block list.' };
const EMPTY_PRIVACY: PrivacyFormValues = { exportEmail: '', eraseEmail: '', mode: 'anonymize' };

/** The block list (words, emails, IP hashes) and the privacy requests (export, erase by email). */
export function blockAndPrivacyRoutes(deps: AdminDeps, comments: CommentDeps): AdminRoute[] {
  const blocksPage = async (c: AdminContext, values: BlockFormValues, refused?: ValidationError) => {
    const refusal = refused ? refusalOf(refused) : undefined;
    return adminPage(c, {
      title: 'Block list',
      status: refusal ? 400 : 200,
      notice: noticeFrom(c, BLOCK_NOTICES),
      children: <BlockListView entries={await listBlocks(deps.db, actorOf(c))} csrfToken={adminChromeOf(c).csrfToken} values={values} errors={refusal?.fields} message={refusal?.message} />,
    });
  };

  const privacyPage = (c: AdminContext, values: PrivacyFormValues, refused?: { form: 'export' | 'erase'; error: ValidationError }) => {
    // The rules name the field "email"; each form has its own.
    const fields = refused ? { [`${refused.form}Email`]: refusalOf(refused.error).fields.email ?? refused.error.message } : undefined;
    return adminPage(c, {
      title: 'Export or erase comments',
      status: refused ? 400 : 200,
      notice: privacyNotice(c),
      children: (
        <PrivacyView csrfToken={adminChromeOf(c).csrfToken} values={values} exportErrors={refused?.form === 'export' ? fields : undefined} eraseErrors={refused?.form === 'erase' ? fields : undefined} />
      ),
    });
  };

  return [
    { method: 'GET', path: '/comments/blocks', access: 'moderate_comments', handler: (c) => blocksPage(c, { kind: 'word', value: '', note: '' }) },
    {
      method: 'POST',
      path: '/comments/blocks',
      access: 'moderate_comments',
      handler: async (c) => {
        const form = await readForm(c);
        const values = { kind: form.kind ?? 'word', value: form.value ?? '', note: form.note ?? '' };
        if (!(BLOCK_KINDS as readonly string[]).includes(values.kind)) return blocksPage(c, values, new ValidationError('invalid block', { kind: 'Choose what to block.' }));
        try {
          await addBlock(comments, actorOf(c), { kind: values.kind as BlockKind, value: values.value, note: values.note });
        } catch (error) {
          if (error instanceof ValidationError) return blocksPage(c, values, error);
          throw error;
        }
        return c.redirect('/admin/comments/blocks?done=added', 303);
      },
    },
    {
      method: 'POST',
      path: '/comments/blocks/remove',
      access: 'moderate_comments',
      handler: async (c) => {
        const form = await readForm(c);
        const kind = form.kind ?? '';
        if (!(BLOCK_KINDS as readonly string[]).includes(kind) || !form.value) return c.redirect('/admin/comments/blocks?done=not-found', 303);
        let isRemoved = false;
        try {
          isRemoved = await removeBlock(comments, actorOf(c), kind as BlockKind, form.value);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
        }
        return c.redirect(`/admin/comments/blocks?done=${isRemoved ? 'removed' : 'not-found'}`, 303);
      },
    },
    { method: 'GET', path: '/comments/privacy', access: 'moderate_comments', handler: (c) => privacyPage(c, EMPTY_PRIVACY) },
    {
      method: 'POST',
      path: '/comments/privacy/export',
      access: 'moderate_comments',
      // A download, not a page: the commenter's data as JSON, never cached.
      handler: async (c) => {
        const email = (await readForm(c)).exportEmail ?? '';
        try {
          const data = await exportCommentsByEmail(comments, actorOf(c), email);
          c.header('content-disposition', `attachment; filename="comments-${data.exportedAt.slice(0, 10)}.json"`);
          c.header('cache-control', 'no-store');
          return c.body(JSON.stringify(data, null, 2), 200, { 'content-type': 'application/json; charset=utf-8' });
        } catch (error) {
          if (error instanceof ValidationError) return privacyPage(c, { ...EMPTY_PRIVACY, exportEmail: email }, { form: 'export', error });
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/comments/privacy/erase',
      access: 'moderate_comments',
      handler: async (c) => {
        const form = await readForm(c);
        const values = { ...EMPTY_PRIVACY, eraseEmail: form.eraseEmail ?? '', mode: form.mode === 'delete' ? 'delete' : 'anonymize' };
        const mode = values.mode as 'anonymize' | 'delete';
        try {
          if (form.confirm !== 'yes') {
            // First step: how many there are, read through the export (the same rule finds them).
            const found = await exportCommentsByEmail(comments, actorOf(c), values.eraseEmail);
            if (found.comments.length === 0) return c.redirect(`/admin/comments/privacy?done=none`, 303);
            return adminPage(c, {
              title: 'Erase comments',
              children: <EraseConfirmView csrfToken={adminChromeOf(c).csrfToken} email={found.email} mode={mode} count={found.comments.length} />,
            });
          }
          const { count } = await eraseCommentsByEmail(comments, actorOf(c), values.eraseEmail, mode);
          return c.redirect(`/admin/comments/privacy?done=${mode === 'delete' ? 'deleted' : 'anonymized'}&n=${count}`, 303);
        } catch (error) {
          if (error instanceof ValidationError) return privacyPage(c, values, { form: 'erase', error });
          throw error;
        }
      },
    },
  ];
}

function privacyNotice(c: AdminContext): string | undefined {
  const done = c.req.query('done');
  const n = Number(c.req.query('n') ?? 0);
  const count = Number.isInteger(n) && n >= 0 ? n : 0;
  const comments = `${count} comment${count === 1 ? '' : 's'}`;
  if (done === 'none') return 'No comments were written with that email address.';
  if (done === 'deleted') return `${comments} deleted.`;
  if (done === 'anonymized') return `${comments} anonymized.`;
  return undefined;
}
