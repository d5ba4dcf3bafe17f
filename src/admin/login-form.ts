import { z } from 'zod';

/**
 * The login form as posted: every field a string of bounded length (a missing one is
 * empty). Only the shape is checked here, so the form can be re-rendered with the email
 * as typed whatever else is wrong.
 */
export const LoginFormBody = z.object({
  email: z.string().max(1000).default(''),
  password: z.string().max(1000).default(''),
  csrf: z.string().max(200).default(''),
  next: z.string().max(2000).default(''),
});
export type LoginFormBody = z.output<typeof LoginFormBody>;

/** What a sign-in needs, with the messages the form shows. */
export const LoginCredentials = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address such as name@example.org.')),
  password: z.string().min(1, 'Enter your password.'),
});
export type LoginCredentials = z.output<typeof LoginCredentials>;
