import { mayNeedCrisisSupport } from '../action-plan/action-plan';
import { CaseFacts, routesFor } from '../intake/intake-facts';
import { Translatable, translatable } from '../language/translatable';

/**
 * Who a directory entry is for. Admins tag entries with these; the product picks the entries
 * that fit a person's facts and says why.
 */
export const RESOURCE_AUDIENCES = ['everyone', 'minors', 'adults', 'self_harm', 'financial', 'support'] as const;
export type ResourceAudience = (typeof RESOURCE_AUDIENCES)[number];

/** What the resource is for; decides where it appears in the plan. */
export const RESOURCE_PURPOSES = ['crisis', 'reporting', 'takedown', 'support', 'legal'] as const;
export type ResourcePurpose = (typeof RESOURCE_PURPOSES)[number];

/** `ANY` marks resources that work from every country. */
export const ANY_JURISDICTION = 'ANY';

export interface ResourceEntry {
  key: string;
  /** ISO 3166-1 alpha-2 country code, or `ANY`. */
  jurisdiction: string;
  name: string;
  /** How to reach it, as people would dial or type it. */
  contact: string;
  url?: string | null;
  purpose: ResourcePurpose;
  audiences: readonly ResourceAudience[];
  /** Lower first, within the same purpose. */
  sortOrder: number;
}

export interface MatchedResource {
  key: string;
  name: string;
  contact: string;
  url?: string;
  purpose: ResourcePurpose;
  /** Why this was suggested, for the person reading it: `person.resourceReasons.<audience>`. */
  reason: Translatable;
}

export type ResourceFacts = Pick<CaseFacts, 'country' | 'ageBand' | 'contentMadeUnder18' | 'selfHarm' | 'immediateDanger' | 'paid' | 'demands'>;

/** Why an entry fits, by the audience that matched; the words are in the catalogues. */
const reasonFor = (audience: ResourceAudience): Translatable => translatable(`person.resourceReasons.${audience}`);

const PURPOSE_ORDER: Record<ResourcePurpose, number> = { crisis: 0, reporting: 1, takedown: 2, support: 3, legal: 4 };

function audienceApplies(audience: ResourceAudience, facts: ResourceFacts): boolean {
  const routes = routesFor(facts);
  switch (audience) {
    case 'everyone':
    case 'support':
      return true;
    case 'minors':
      return routes.minor;
    case 'adults':
      return routes.adult;
    case 'self_harm':
      // "Prefer not to say" still gets the crisis lines (priority is another matter).
      return mayNeedCrisisSupport(facts);
    case 'financial':
      return facts.paid === true || facts.demands.includes('money');
  }
}

export function appliesToCountry(entry: Pick<ResourceEntry, 'jurisdiction'>, country: string): boolean {
  return entry.jurisdiction === ANY_JURISDICTION || entry.jurisdiction === country.toUpperCase();
}

/**
 * The directory entries that fit this person: their country (or anywhere) and at least one
 * audience that matches their facts. Crisis lines come first when there is any risk of self-harm.
 */
export function selectResources(entries: readonly ResourceEntry[], facts: ResourceFacts): MatchedResource[] {
  // Worldwide helpline directories are for countries the directory has no crisis line of its own for.
  const country = facts.country.toUpperCase();
  const hasOwnCrisisLines = entries.some((entry) => entry.jurisdiction === country && entry.purpose === 'crisis');
  return (
    entries
      .filter((entry) => appliesToCountry(entry, facts.country))
      .filter((entry) => !(hasOwnCrisisLines && entry.jurisdiction === ANY_JURISDICTION && entry.purpose === 'crisis' && entry.audiences.includes('everyone')))
      .map((entry) => ({ entry, audience: entry.audiences.find((audience) => audienceApplies(audience, facts)) }))
      .filter((match): match is { entry: ResourceEntry; audience: ResourceAudience } => match.audience !== undefined)
      .sort(
        (a, b) =>
          PURPOSE_ORDER[a.entry.purpose] - PURPOSE_ORDER[b.entry.purpose] ||
          // Entries for this country before entries for anywhere.
          Number(a.entry.jurisdiction === ANY_JURISDICTION) - Number(b.entry.jurisdiction === ANY_JURISDICTION) ||
          a.entry.sortOrder - b.entry.sortOrder,
      )
      // A worldwide entry ("Emergency services") gives way to the country's own entry of that name.
      .filter(
        ({ entry }, index, all) =>
          entry.jurisdiction !== ANY_JURISDICTION ||
          !all.some((other, j) => j !== index && other.entry.name === entry.name && other.entry.jurisdiction !== ANY_JURISDICTION),
      )
      .map(({ entry, audience }) => ({
        key: entry.key,
        name: entry.name,
        contact: entry.contact,
        ...(entry.url ? { url: entry.url } : {}),
        purpose: entry.purpose,
        reason: reasonFor(audience),
      }))
  );
}

/**
 * Crisis contacts to show the moment someone says they are in danger or thinking of hurting
 * themselves, before anything is submitted: the country's crisis lines, then emergency help.
 */
export function selectCrisisResources(entries: readonly ResourceEntry[], country: string): MatchedResource[] {
  return selectResources(entries, {
    country,
    ageBand: 'unknown',
    contentMadeUnder18: null,
    selfHarm: 'plan_or_intent',
    immediateDanger: true,
    paid: null,
    demands: [],
  }).filter((resource) => resource.purpose === 'crisis');
}
