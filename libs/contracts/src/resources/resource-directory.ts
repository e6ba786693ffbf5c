import * as z from 'zod';
import { TEXT_LIMITS } from '../limits';
import { RESOURCE_AUDIENCES, RESOURCE_PURPOSES, isCountryCode } from '@sg/domain';
import { httpUrlSchema } from '../intake/intake-request';

/** `GET /api/resources?country=US`: public; the entries for that country and worldwide. */
export interface ResourceDirectoryEntry {
  id: string;
  key: string;
  jurisdiction: string;
  name: string;
  contact: string;
  url: string | null;
  purpose: (typeof RESOURCE_PURPOSES)[number];
  audiences: Array<(typeof RESOURCE_AUDIENCES)[number]>;
  sortOrder: number;
  active: boolean;
}

/** Admins create and edit entries (`POST /api/resources`, `PATCH /api/resources/:id`). */
export const resourceEntryWriteSchema = z.strictObject({
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes, 2-64 characters'),
  jurisdiction: z.string().refine((value) => value === 'ANY' || isCountryCode(value), 'must be ANY or a two-letter country code'),
  name: z.string().trim().min(1, 'is required').max(TEXT_LIMITS.resourceName),
  contact: z.string().trim().min(1, 'is required').max(TEXT_LIMITS.resourceContact),
  // http(s) only: the public pages render it as a link, and javascript: or data: links there
  // would run in a frightened person's browser.
  url: httpUrlSchema.nullable().optional(),
  purpose: z.enum(RESOURCE_PURPOSES),
  audiences: z.array(z.enum(RESOURCE_AUDIENCES)).min(1, 'pick at least one audience'),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
});
export const resourceEntryUpdateSchema = resourceEntryWriteSchema.partial();
export type ResourceEntryWrite = z.input<typeof resourceEntryWriteSchema>;
