import { z } from 'zod';
import { ROLES } from './role.js';
import { Email, Password } from './user.schema.js';

export const Invitation = z.object({
  email: Email,
  role: z.enum(ROLES, 'choose a role'),
  /** a first guess at the name; the invitee chooses their own */
  name: z.string().trim().max(120).optional(),
});
/** As a form posts it: checked by `Invitation` inside the use case. */
export interface Invitation {
  email: string;
  role: string;
  name?: string | undefined;
}

export const AcceptInvitation = z.object({
  name: z.string().trim().min(1, 'Enter your name as readers will see it.').max(120, 'at most 120 characters'),
  password: Password,
});

export const NewPassword = z.object({ password: Password });
