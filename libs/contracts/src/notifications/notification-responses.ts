import { FOLLOW_UP_KINDS } from '@sg/domain';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { NotificationList, NotificationView } from './notifications';

export const notificationViewSchema = responseSchemaOf<NotificationView>()(
  z.strictObject({
    id: z.string(),
    kind: z.enum(FOLLOW_UP_KINDS),
    title: z.string(),
    caseId: z.string(),
    caseReference: z.string(),
    dueAt: z.string(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
  }),
);

export const notificationListSchema = responseSchemaOf<NotificationList>()(
  z.strictObject({
    items: z.array(notificationViewSchema),
    openCount: z.number().int(),
    unreadMessages: z.strictObject({ messages: z.number().int(), cases: z.number().int() }),
  }),
);
