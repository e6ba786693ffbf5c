import { CASE_SESSION_HEADER, PUBLIC_API } from '../contracts/public-contract';

// Kept apart from the my-case page and its API: quick exit, on every public page's first screen,
// needs these two and nothing else of the conversation.

/**
 * What a reload finds of the open case: only its short-lived session (sessionStorage, which quick
 * exit wipes and ends on the server, and the browser drops with the tab). The reference and code
 * are never stored: they stay in the my-case page's memory while it is open, to open a new
 * session when one runs out.
 */
export const CONVERSATION_SESSION_KEY = 'my-case-conversation';

/**
 * Ends a session on the server, also while the page is being left (quick exit): `keepalive`
 * lets the request finish after the tab has moved on. Failure is ignored: the session ends by
 * itself within 30 minutes anyway.
 */
export function endConversationSession(session: string): void {
  try {
    void fetch(PUBLIC_API.conversationSession, { method: 'DELETE', headers: { [CASE_SESSION_HEADER]: session }, keepalive: true }).catch(() => undefined);
  } catch {
    // nothing to do
  }
}
