export * from './role.js';
export { createUser } from './create-user.js';
export { NewUser } from './user.schema.js';
export { countUsers, findUserById, findUserBySlug, findUsersByIds } from './user.queries.js';
