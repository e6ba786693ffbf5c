import type { ResourceAudience, ResourcePurpose } from '@sg/domain';

/** Words for the resource directory's codes (admin pages only). */
export const RESOURCE_PURPOSE_LABELS: Readonly<Record<ResourcePurpose, string>> = {
  crisis: 'Crisis support',
  reporting: 'Reporting',
  takedown: 'Takedown',
  support: 'Support',
  legal: 'Legal',
};

export const RESOURCE_AUDIENCE_LABELS: Readonly<Record<ResourceAudience, string>> = {
  everyone: 'Everyone',
  minors: 'Under 18s',
  adults: 'Adults',
  self_harm: 'At risk of self-harm',
  financial: 'Money demanded or paid',
  support: 'Emotional support (shown to all)',
};
