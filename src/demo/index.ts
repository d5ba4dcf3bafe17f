/** The demo content generator: all that scripts and the seeder may import. */
export type {
  DemoArticle, DemoAuthor, DemoComment, DemoImage, DemoPage, DemoSettings, DemoSite, DemoSource, DemoTag, DemoTopic,
  DemoTopicKind,
} from './demo-types.js';
export { generateDemoSite } from './generate-demo-site.js';
export { generateLargeSiteArticles, type LargeSiteOptions } from './generate-large-site.js';
export { renderDemoImage } from './demo-images.js';
