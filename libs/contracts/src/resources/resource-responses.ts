import { RESOURCE_AUDIENCES, RESOURCE_PURPOSES } from '@sg/domain';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { ResourceDirectoryEntry, resourceTextsResponseShape } from './resource-directory';
import { RESOURCE_TRANSLATION_LANGUAGES } from './resource-texts';

export const resourceDirectoryEntrySchema = responseSchemaOf<ResourceDirectoryEntry>()(
  z.strictObject({
    id: z.string(),
    key: z.string(),
    jurisdiction: z.string(),
    name: z.string(),
    contact: z.string(),
    url: z.string().nullable(),
    purpose: z.enum(RESOURCE_PURPOSES),
    audiences: z.array(z.enum(RESOURCE_AUDIENCES)),
    sortOrder: z.number().int(),
    active: z.boolean(),
    fallsBackToEnglish: z.array(z.enum(RESOURCE_TRANSLATION_LANGUAGES)),
    ...resourceTextsResponseShape,
  }),
);
export const resourceDirectorySchema = z.array(resourceDirectoryEntrySchema);
