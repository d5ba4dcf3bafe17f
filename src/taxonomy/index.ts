export * from './topic.js';
export { FEED_SEGMENT, NewTag, NewTopic, Slug } from './taxonomy.schema.js';
export { createTag, createTopic } from './create-topic.js';
export {
  findTagBySlug,
  findTagsByIds,
  findTagsBySlugs,
  listAllTags,
  listAllTopics,
  findTopicById,
  findTopicByPath,
  findTopicsByIds,
  findTopicsByPaths,
  listChildTopics,
} from './taxonomy.queries.js';
export { updateTag, updateTopic } from './update-taxonomy.js';
export { TagChanges, TopicChanges } from './taxonomy.schema.js';
