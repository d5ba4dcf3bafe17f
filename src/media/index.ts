export * from './media.js';
export { findMediaById, findMediaByIds, findMediaByUrls, listMediaIds } from './media.queries.js';
export { MediaVariants, type MediaFile } from './media-variants.js';
export { declaredVariants, storeDrawnImage, storeImage, VARIANT_WIDTHS, type ImageDetails } from './store-image.js';
