import { API_PREFIX, API_ROUTES } from '@sg/contracts';

// The sign-in issues and clears this cookie (auth.controller.ts); the board (admin/queue-board.ts)
// only reads it, so it is named here, beside the session it is derived from.
export const QUEUE_BOARD_PATH = `/${API_PREFIX}/${API_ROUTES.adminQueues}`;
export const QUEUE_BOARD_COOKIE = 'sg_queue_board';
