import { z } from 'zod';
import { MIME_TYPES } from './sniff-image.js';

/** What a person writes about an image; kept with it and offered again each time it is inserted. */
export const MediaDetails = z.object({
  alt: z.string().trim().max(500, 'Keep the alt text under 500 characters.').default(''),
  caption: z.string().trim().max(1000, 'Keep the caption under 1,000 characters.').default(''),
  credit: z.string().trim().max(300, 'Keep the credit under 300 characters.').default(''),
});
export type MediaDetails = z.output<typeof MediaDetails>;

/** A key the client made for one upload, repeated on each retry of it. */
export const IdempotencyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'an idempotency key is 8 to 100 letters, digits, dots, dashes, colons or underscores');

export const MEDIA_TYPE_FILTERS = Object.keys(MIME_TYPES) as (keyof typeof MIME_TYPES)[];

/** The library's find and filters, as the admin's query string carries them. */
export const MediaListFilter = z.object({
  q: z.string().trim().max(200).default(''),
  type: z.enum(MEDIA_TYPE_FILTERS).or(z.literal('')).default(''),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11')
    .or(z.literal(''))
    .default(''),
  unused: z.enum(['1', '']).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type MediaListFilter = z.output<typeof MediaListFilter>;
