export { findRedirect, insertRedirect, type Redirect } from './redirect.queries.js';
