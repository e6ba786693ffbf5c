/** Case priorities, most pressing first. */
export const PRIORITIES = ['emergency', 'urgent', 'high', 'standard'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Default first-response targets (minutes), from the triage table. */
export const FIRST_RESPONSE_TARGET_MINUTES: Readonly<Record<Priority, number>> = {
  emergency: 15,
  urgent: 60,
  high: 8 * 60,
  standard: 48 * 60,
};

/** Rank for sorting: 0 is the most pressing. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** "within 15 minutes", "within 8 hours": how the public pages say when someone will reach out. */
export function describeResponseTarget(minutes: number): string {
  if (minutes < 60) return `within ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return hours === 1 ? 'within an hour' : `within ${hours} hours`;
  return `within ${Math.round(hours / 24)} days`;
}
