/** How a search engine would show the article: title, URL and description, cut where engines cut. */
export interface SeoPreviewProps {
  title: string;
  url: string;
  description: string;
}

const TITLE_MAX = 60;
const DESCRIPTION_MAX = 160;

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function SeoPreview({ title, url, description }: SeoPreviewProps) {
  return (
    <figure class="seo-preview" aria-labelledby="seo-preview-label">
      <figcaption id="seo-preview-label" class="admin-hint">
        As a search result (from the last save)
      </figcaption>
      <p class="seo-preview-url">{url}</p>
      <p class="seo-preview-title">{cut(title, TITLE_MAX) || 'Untitled'}</p>
      <p class="seo-preview-description">{cut(description, DESCRIPTION_MAX) || 'No description yet: the dek or the first paragraph is used.'}</p>
    </figure>
  );
}
