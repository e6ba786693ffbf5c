import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import { QUEUES } from '@sg/contracts';
import { Queue } from 'bullmq';
import { NextFunction, Request, Response } from 'express';
import { StaffSessionCache } from '../auth/staff-session.cache';
import { StaffStatusCache } from '../auth/staff-status.cache';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from '../auth/queue-board-cookie';

export { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH };

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * bull-board for admins at /api/admin/queues (both queue backends). A page a browser navigates to
 * cannot send the dashboard's bearer token, so the dashboard first asks for a short-lived,
 * httpOnly cookie scoped to this path (`POST /api/auth/queue-board`), checked here on every request.
 */
export function mountQueueBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Safeguard Triage queues' } },
  });
  const jwt = app.get(JwtService, { strict: false });
  const accounts = app.get(StaffStatusCache, { strict: false });
  const sessions = app.get(StaffSessionCache, { strict: false });
  const adminsOnly = async (request: Request, response: Response, next: NextFunction) => {
    try {
      const claims = await jwt.verifyAsync<{ sub: string; sid?: unknown; purpose?: string }>(readCookie(request, QUEUE_BOARD_COOKIE) ?? '');
      if (claims.purpose !== 'queue-board' || typeof claims.sid !== 'string') throw new Error('not a queue-board cookie of a sign-in');
      // The admin's sign-in must still be live: a cookie kept after signing out opens nothing.
      const [status, live] = await Promise.all([accounts.status(claims.sub), sessions.live(claims.sid)]);
      if (live && status?.active && status.role === 'admin') return next();
    } catch {
      // fall through to the refusal
    }
    response.status(401).type('text/plain').send('Open the queue monitor from the dashboard (Admin, Queue monitor) while signed in as an admin.');
  };
  app.use(QUEUE_BOARD_PATH, adminsOnly, serverAdapter.getRouter());
}
