import type { MatchedResource } from '@sg/domain';

/**
 * The directory's "Emergency services" entries: a country's own (a real number) and the worldwide
 * one ("call your local emergency number"). The pages show the built-in number (domain
 * `emergencyNumberFor`) only where the country's own entry is not already on screen, and drop the
 * worldwide one where the built-in number says it better.
 */
export const isEmergencyServices = (resource: Pick<MatchedResource, 'name'>) => resource.name === 'Emergency services';

export const isWorldwideEmergencyEntry = (resource: Pick<MatchedResource, 'name' | 'contact'>) =>
  isEmergencyServices(resource) && /local emergency/i.test(resource.contact);

export const isCountryEmergencyEntry = (resource: Pick<MatchedResource, 'name' | 'contact'>) =>
  isEmergencyServices(resource) && !isWorldwideEmergencyEntry(resource);
