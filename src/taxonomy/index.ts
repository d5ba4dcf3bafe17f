export * from './topic.js';
export { Aliases, FEED_SEGMENT, NewTag, NewTopic, Slug, TagChanges, TopicChanges, TopicPlace } from './taxonomy.schema.js';
export { createTag, createTopic } from './create-topic.js';
export {
  countChildTopics,
  findTagById,
  findTagBySlug,
  findTagsByIds,
  findTagsBySlugs,
  listAllTags,
  listAllTopics,
  listTagsMatching,
  findTopicById,
  findTopicByPath,
  findTopicsByIds,
  findTopicsByPaths,
  listChildTopics,
} from './taxonomy.queries.js';
export { updateTag, updateTopic, writeTopicChanges } from './update-taxonomy.js';
export { applyTopicMove, planTopicMove, type TopicMove } from './plan-topic-move.js';
export { applyTagRename, planTagRename } from './plan-tag-rename.js';
export { suggestTopicSlug } from './slug-suggestions.js';
// Row writes for the use cases of structure/, which change topics or tags together with the
// lists and redirects that follow them, in one transaction.
export { deleteTagRow, deleteTopicRow } from './taxonomy.queries.js';
