import { CASE_STATUSES, PRIORITIES } from '@sg/domain';
import { IDENTIFIER_KINDS } from '@sg/domain/identifiers';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { CaseLinks, ClusterListResponse, IdentifierCluster, LinkedCaseRef } from './case-links';

const linkedCaseRefSchema = responseSchemaOf<LinkedCaseRef>()(
  z.strictObject({ id: z.string(), reference: z.string(), status: z.enum(CASE_STATUSES), priority: z.enum(PRIORITIES) }),
);

export const caseLinksSchema = responseSchemaOf<CaseLinks>()(
  z.strictObject({
    links: z.array(
      z.strictObject({
        id: z.string(),
        linkedAt: z.string(),
        case: linkedCaseRefSchema.nullable(),
        reason: z.string().nullable(),
        linkedBy: z.string().nullable(),
      }),
    ),
    hiddenLinks: z.number().int(),
    mergedInto: z.strictObject({ mergedAt: z.string(), case: linkedCaseRefSchema.nullable() }).nullable(),
    merged: z.array(z.strictObject({ mergedAt: z.string(), case: linkedCaseRefSchema })),
  }),
);

export const identifierClusterSchema = responseSchemaOf<IdentifierCluster>()(
  z.strictObject({
    key: z.string(),
    kind: z.enum(IDENTIFIER_KINDS),
    value: z.string(),
    caseCount: z.number().int(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    lastActivityAt: z.string(),
    platforms: z.array(z.string()),
    countries: z.array(z.string()),
    priorities: z.array(z.enum(PRIORITIES)),
    outcomes: z.array(z.enum(CASE_STATUSES)),
    cases: z.array(
      z.strictObject({
        ...linkedCaseRefSchema.shape,
        country: z.string(),
        platforms: z.array(z.string()),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    ),
  }),
);

export const clusterListResponseSchema = responseSchemaOf<ClusterListResponse>()(
  z.strictObject({ items: z.array(identifierClusterSchema), nextCursor: z.string().nullable() }),
);
