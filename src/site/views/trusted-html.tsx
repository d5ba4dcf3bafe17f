import { raw } from 'hono/html';

/**
 * The one door for HTML that is not escaped: article and page bodies (sanitized against
 * the body schema when saved), comment bodies (rendered by renderCommentBody, which escapes
 * the text and sanitizes the result against its own allow-list), JSON-LD blocks (serialized with `<` escaped) and the site's
 * own stylesheet (checked to hold no "</style" when loaded). Nothing else in the views
 * may use raw() or dangerouslySetInnerHTML.
 */
export function TrustedHtml({ html }: { html: string }) {
  return raw(html);
}
