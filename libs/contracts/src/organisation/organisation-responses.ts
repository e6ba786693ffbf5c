import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { OrganisationHours } from './opening-hours';

export const organisationHoursSchema = responseSchemaOf<OrganisationHours>()(
  z.strictObject({
    timeZone: z.string().meta({ example: 'Europe/London' }),
    weekly: z.array(
      z.strictObject({
        day: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]),
        opens: z.string(),
        closes: z.string(),
      }),
    ),
    holidays: z.array(z.strictObject({ date: z.string(), name: z.string() })),
    updatedAt: z.string().nullable(),
  }),
);
