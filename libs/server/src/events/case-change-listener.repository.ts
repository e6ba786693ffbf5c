import { ClientBase } from 'pg';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';

/**
 * The one statement of the live-updates listener. It takes the plain pg client CaseEventsService
 * holds rather than a TypeORM manager: a LISTEN belongs to one connection kept open for the life
 * of the process, which a pooled connection is not. It sits in a repository file all the same,
 * so every statement the server sends is found the same way (tools/check/no-raw-query.mjs).
 */
export const caseChangeListenerRepository = {
  /** Subscribes `client`'s connection to case changes; they arrive as its `notification` events. */
  async listen(client: ClientBase): Promise<void> {
    await client.query(`LISTEN ${CASE_CHANGES_CHANNEL}`);
  },
};
