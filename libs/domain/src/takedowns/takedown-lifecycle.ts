/**
 * A takedown request: one per URL or account per platform. draft → submitted → acknowledged →
 * removed | rejected. Platforms often remove or refuse without acknowledging, so submitted may
 * go straight to removed or rejected. A refusal can be escalated (appeal, regulator, legal),
 * which again ends removed or rejected. Content that comes back after removal is `reappeared`:
 * that request is finished and a new request is opened for the new copy, so each request keeps
 * its own time-to-removal for the dashboard.
 */
export const TAKEDOWN_STATUSES = ['draft', 'submitted', 'acknowledged', 'removed', 'rejected', 'escalated', 'reappeared'] as const;
export type TakedownStatus = (typeof TAKEDOWN_STATUSES)[number];

export const TAKEDOWN_STATUS_LABELS: Readonly<Record<TakedownStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  removed: 'Removed',
  rejected: 'Rejected',
  escalated: 'Escalated',
  reappeared: 'Reappeared',
};

/** Where a request is sent. */
export const TAKEDOWN_CHANNELS = ['platform_form', 'take_it_down', 'stopncii', 'search_delisting', 'hosting_provider', 'law_enforcement'] as const;
export type TakedownChannel = (typeof TAKEDOWN_CHANNELS)[number];

export const TAKEDOWN_CHANNEL_LABELS: Readonly<Record<TakedownChannel, string>> = {
  platform_form: "Platform's report form",
  take_it_down: 'Take It Down (NCMEC)',
  stopncii: 'StopNCII.org',
  search_delisting: 'Search engine delisting',
  hosting_provider: 'Hosting provider',
  law_enforcement: 'Law-enforcement request',
};

const TRANSITIONS: Readonly<Record<TakedownStatus, readonly TakedownStatus[]>> = {
  draft: ['submitted'],
  submitted: ['acknowledged', 'removed', 'rejected'],
  acknowledged: ['removed', 'rejected'],
  removed: ['reappeared'],
  rejected: ['escalated'],
  escalated: ['removed', 'rejected'],
  reappeared: [],
};

export function allowedTakedownTransitions(from: TakedownStatus): readonly TakedownStatus[] {
  return TRANSITIONS[from];
}

export function isTakedownStatus(value: unknown): value is TakedownStatus {
  return typeof value === 'string' && (TAKEDOWN_STATUSES as readonly string[]).includes(value);
}

export function isTakedownChannel(value: unknown): value is TakedownChannel {
  return typeof value === 'string' && (TAKEDOWN_CHANNELS as readonly string[]).includes(value);
}

/** Why a status change is refused, in words a caseworker understands; null when it is allowed. */
export function takedownTransitionProblem(from: TakedownStatus, to: TakedownStatus): string | null {
  if (from === to) return `The takedown request is already ${TAKEDOWN_STATUS_LABELS[to].toLowerCase()}.`;
  if (TRANSITIONS[from].includes(to)) return null;
  if (from === 'draft') return 'Submit the request first: a draft has not been sent anywhere yet.';
  if (from === 'reappeared') return 'This request is finished: open a new takedown request for the content that came back.';
  const allowed = TRANSITIONS[from].map((status) => `"${TAKEDOWN_STATUS_LABELS[status]}"`).join(' or ');
  return `A takedown request that is "${TAKEDOWN_STATUS_LABELS[from]}" can only move to ${allowed}.`;
}
