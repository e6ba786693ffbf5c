import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { OrganisationHours } from './opening-hours';

export const organisationHoursSchema = responseSchemaOf<OrganisationHours>()(
  z.strictObject({
    timeZone: z.string().meta({ example: 'Europe/London' }),
    weekly: z.array(z.strictObject({ day: z.union([1, 2, 3, 4, 5, 6, 7].map((day) => z.literal(day as 1 | 2 | 3 | 4 | 5 | 6 | 7)) as [z.ZodLiteral<1 | 2 | 3 | 4 | 5 | 6 | 7>]), opens: z.string(), closes: z.string() })),
    holidays: z.array(z.strictObject({ date: z.string(), name: z.string() })),
    updatedAt: z.string().nullable(),
  }),
);
