/** Job options of a nudge: retried for about an hour (a mail server down for a while is not a lost nudge). */
export const NUDGE_JOB_OPTIONS = { attempts: 12, backoff: { type: 'exponential', delay: 2_000 } } as const;

/** One job per message: adding it twice (the API, then the sweep) is harmless. */
export const nudgeJobId = (messageId: string) => `nudge_${messageId}`;
