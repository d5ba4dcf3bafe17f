import { raw } from 'hono/html';

/**
 * The one door for HTML that is not escaped: article and page bodies (sanitized against
 * the body schema when saved) and JSON-LD blocks (serialized with `<` escaped). Nothing
 * else in the views may use raw() or dangerouslySetInnerHTML.
 */
export function TrustedHtml({ html }: { html: string }) {
  return raw(html);
}
