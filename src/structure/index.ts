/*
 * The site's structure: use cases that change topics or tags together with what follows
 * them — the article lists (content/), the old URLs' redirects (redirects/) — in one
 * transaction. Taxonomy cannot do this itself: content depends on taxonomy, not the reverse.
 */
export { deleteTopic } from './delete-topic.js';
export { editTopic, moveTopic, TopicEdit } from './move-topic.js';
export { deleteTag, mergeTags, renameTag, TagMerge } from './tag-structure.js';
