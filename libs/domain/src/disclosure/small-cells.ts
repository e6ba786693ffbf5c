/** A count about to be published, and what a reader knows about it besides its own value. */
export interface PublishedCount {
  count: number;
  /**
   * Cells of one group add up to a total the reader knows or can work out (the month's cases, broken
   * down by priority, and again by country: every breakdown adds up to the same total). `null`: the
   * cell belongs to no such group, so only its own size matters.
   */
  group: string | null;
  /** Cells with one `twin` key count the same records under different breakdowns, so are equal: one shown gives the others away. */
  twin?: string;
}

/**
 * Which counts to withhold so that no count from 1 to `minCount - 1` is published, or can be worked
 * out from what is. Primary suppression withholds every such small count. Complementary suppression
 * then looks at each group adding up to a known total: subtracting its shown cells from that total
 * gives the sum of its withheld ones, which gives a single withheld cell away, and also gives them
 * all away when that sum equals their number (each is at least 1, as a zero count is not published).
 * While a group is in either state, the next-smallest cell it still shows is withheld too (ties: the
 * first), with its twins, and the groups are checked again until none is. Zero counts are never
 * withheld. An attacker who also knows this rule can narrow a withheld cell to a range; what this
 * rules out is an exact value by subtraction.
 */
export function suppressSmallCounts(cells: readonly PublishedCount[], minCount: number): boolean[] {
  const withheld = cells.map((cell) => cell.count > 0 && cell.count < minCount);
  const groups = new Map<string, number[]>();
  const twins = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    if (cell.group !== null) groups.set(cell.group, [...(groups.get(cell.group) ?? []), i]);
    if (cell.twin !== undefined) twins.set(cell.twin, [...(twins.get(cell.twin) ?? []), i]);
  });
  const withhold = (i: number) => {
    withheld[i] = true;
    for (const j of twins.get(cells[i]?.twin ?? '') ?? []) withheld[j] = true;
  };
  withheld.forEach((small, i) => small && withhold(i));

  for (let changed = true; changed;) {
    changed = false;
    for (const members of groups.values()) {
      const hidden = members.filter((i) => withheld[i]);
      const hiddenSum = hidden.reduce((sum, i) => sum + (cells[i]?.count ?? 0), 0);
      if (hidden.length === 0 || (hidden.length >= 2 && hiddenSum > hidden.length)) continue;
      const next = members
        .filter((i) => !withheld[i] && (cells[i]?.count ?? 0) > 0)
        .reduce<number | null>((best, i) => (best === null || (cells[i]?.count ?? 0) < (cells[best]?.count ?? 0) ? i : best), null);
      if (next === null) continue;
      withhold(next);
      changed = true;
    }
  }
  return withheld;
}
