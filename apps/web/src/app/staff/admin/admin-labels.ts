import type { ResourceAudience, ResourcePurpose } from '@sg/domain';

/** Catalogue keys for the resource directory's codes (admin pages only), said with `| t`. */
export const RESOURCE_PURPOSE_LABELS: Readonly<Record<ResourcePurpose, string>> = {
  crisis: 'staff.admin.resources.purposes.crisis',
  reporting: 'staff.admin.resources.purposes.reporting',
  takedown: 'staff.admin.resources.purposes.takedown',
  support: 'staff.admin.resources.purposes.support',
  legal: 'staff.admin.resources.purposes.legal',
};

export const RESOURCE_AUDIENCE_LABELS: Readonly<Record<ResourceAudience, string>> = {
  everyone: 'staff.admin.resources.audiences.everyone',
  minors: 'staff.admin.resources.audiences.minors',
  adults: 'staff.admin.resources.audiences.adults',
  self_harm: 'staff.admin.resources.audiences.self_harm',
  financial: 'staff.admin.resources.audiences.financial',
  support: 'staff.admin.resources.audiences.support',
};
