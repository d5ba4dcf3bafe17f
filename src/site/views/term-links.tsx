import type { TagLink, TopicLink } from '../../taxonomy/index.js';

/** The article's topics and tags, as links to their pages. */
export function TermLinks({ topics, tags }: { topics: TopicLink[]; tags: TagLink[] }) {
  if (topics.length === 0 && tags.length === 0) return null;
  return (
    <nav class="terms" aria-label="Topics and tags">
      {topics.length > 0 && (
        <div class="terms-group">
          <p class="terms-label" id="terms-topics">
            Topics
          </p>
          <ul class="chips" aria-labelledby="terms-topics">
            {topics.map((t) => (
              <li>
                <a href={t.url}>{t.name}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {tags.length > 0 && (
        <div class="terms-group">
          <p class="terms-label" id="terms-tags">
            Tags
          </p>
          <ul class="chips chips-tags" aria-labelledby="terms-tags">
            {tags.map((t) => (
              <li>
                <a href={t.url}>{t.name}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  );
}
