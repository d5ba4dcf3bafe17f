export type { Redirect } from './redirect.queries.js';
export { deleteRedirect, RedirectInput, saveRedirect } from './save-redirect.js';
