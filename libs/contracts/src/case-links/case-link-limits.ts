/** Sizes for linking, merging and clusters, shared by the request schemas and the web's forms. */
export const CASE_LINK_LIMITS = {
  reasonMin: 3,
  reasonMax: 1000,
  clusterPageMax: 100,
  /** Cases shown with each cluster in the list; the cluster's page shows them all (up to clusterCasesMax). */
  clusterCasesInList: 10,
  clusterCasesMax: 500,
} as const;

/** The paths under `/api/cases/:id/` that linking and merging add. */
export const CASE_LINK_PATHS = {
  links: 'links',
  merge: 'merge',
  unmerge: 'unmerge',
} as const;
