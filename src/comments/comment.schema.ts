import { z } from 'zod';
import { COMMENT_BODY_MAX, normalizeText, webAddress } from './comment-body.js';

/*
 * The fields a commenter types, checked the same way for the public form, a reply from the
 * queue and a moderator's edit. Each message is written to stand next to its field.
 */

export const COMMENT_NAME_MAX = 80;
export const COMMENT_EMAIL_MAX = 254;
export const COMMENT_WEBSITE_MAX = 200;

/** The form's fields; "form" names what belongs to no one field (closed, too fast, a duplicate). */
export type CommentField = 'name' | 'email' | 'website' | 'body' | 'parentId' | 'form';
export type CommentFieldErrors = Partial<Record<CommentField, string>>;

export const CommentName = z
  .string()
  .transform((s) => normalizeText(s).replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'Enter your name.').max(COMMENT_NAME_MAX, `Keep your name to ${COMMENT_NAME_MAX} characters.`));

export const CommentEmail = z
  .string()
  .trim()
  .min(1, 'Enter your email address. It is never shown.')
  .max(COMMENT_EMAIL_MAX, `An email address has at most ${COMMENT_EMAIL_MAX} characters.`)
  .pipe(z.email('Enter an email address such as name@example.org.'));

/** A website or nothing; "example.org" is read as https://example.org/. */
export const CommentWebsite = z
  .string()
  .trim()
  .max(COMMENT_WEBSITE_MAX, `Keep the address to ${COMMENT_WEBSITE_MAX} characters.`)
  .transform((s, ctx) => {
    if (s === '') return '';
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
    const url = /\s/.test(candidate) ? null : webAddress(candidate);
    if (!url || !url.includes('.') || url.length > COMMENT_WEBSITE_MAX + 10) {
      ctx.addIssue({ code: 'custom', message: 'Enter a web address such as https://example.org, or leave it empty.' });
      return z.NEVER;
    }
    return url;
  });

export const CommentBody = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().min(1, 'Write your comment.').max(COMMENT_BODY_MAX, `Keep your comment to ${COMMENT_BODY_MAX.toLocaleString('en')} characters.`));

export const CommentFields = z.object({
  name: CommentName,
  email: CommentEmail,
  website: CommentWebsite,
  body: CommentBody,
});
export type CommentFields = z.output<typeof CommentFields>;

/** Field errors from a failed parse, the first message per field. */
export function fieldErrorsOf(error: z.ZodError): CommentFieldErrors {
  const errors: CommentFieldErrors = {};
  for (const issue of error.issues) {
    const field = (issue.path[0] as CommentField | undefined) ?? 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}
