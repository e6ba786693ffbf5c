export * from './staff/staff-role';
export * from './intake/intake-facts';
export * from './triage/priority';
export * from './triage/triage';
export * from './action-plan/action-plan';
export * from './resources/resource-entry';
export * from './resources/resource-directory-seed';
export * from './geo/countries';
