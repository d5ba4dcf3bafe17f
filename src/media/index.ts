export * from './media.js';
export { findMediaByIds, findMediaByUrls } from './media.queries.js';
export { storeImage, VARIANT_WIDTHS, type ImageDetails } from './store-image.js';
