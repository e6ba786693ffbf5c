/** Sizes for linking, merging and clusters, shared by the request schemas and the web's forms. */
export const CASE_LINK_LIMITS = {
  reasonMin: 3,
  reasonMax: 1000,
  clusterPageMax: 100,
  /**
   * Cases named with each cluster in the list: a preview while the cluster opens, which then shows
   * them all (up to clusterCasesMax). Every case a page names is a case read (audited), so a glance
   * at the list reads at most 3 a cluster, not 10: the list is for seeing patterns, the cluster for
   * its cases. (At 1 M cases this also made a list page a third cheaper: 200 case reads became 60.)
   */
  clusterCasesInList: 3,
  clusterCasesMax: 500,
} as const;

/** The paths under `/api/cases/:id/` that linking and merging add. */
export const CASE_LINK_PATHS = {
  links: 'links',
  merge: 'merge',
  unmerge: 'unmerge',
} as const;
