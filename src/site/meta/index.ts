export * from './build-meta.js';
export * from './json-ld.js';
export * from './page-meta.js';
export * from './urls.js';
