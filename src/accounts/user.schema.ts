import { z } from 'zod';
import { ROLES } from './role.js';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('an email address such as name@example.org'));

export const Password = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');

export const NewUser = z.object({
  email: Email,
  name: z.string().trim().min(1, 'a name is required').max(120),
  slug: z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80).optional(),
  role: z.enum(ROLES),
  password: Password,
  bio: z.string().trim().max(2000).default(''),
});
export type NewUser = z.input<typeof NewUser>;
