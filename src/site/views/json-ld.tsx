import { jsonLdScript } from '../meta/json-ld.js';
import { TrustedHtml } from './trusted-html.js';

/** A schema.org block; serializeJsonLd escapes `<` so no string can close the script. */
export function JsonLd({ data }: { data: object }) {
  return <TrustedHtml html={jsonLdScript(data)} />;
}
