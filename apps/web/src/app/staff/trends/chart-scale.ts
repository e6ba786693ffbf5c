/** Geometry for the small SVG charts on the Trends page. Pure: no DOM, no Angular. */

/** Ticks from 0 to a round number at or above `max`, about `count` steps (1, 2 or 5 × 10^n apart). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  // Whole numbers only for counts: a step below 1 would label "0.5 intakes".
  const whole = Math.max(1, step);
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let value = 0; value <= top + whole / 2; value += whole) ticks.push(value);
  return ticks;
}

/** Every k-th label so labels stay at least `minGap` px apart; the last one is always labelled. */
export function labelledIndexes(count: number, band: number, minGap: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(minGap / Math.max(band, 1)));
  const indexes: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) indexes.unshift(i);
  return indexes;
}

export interface Band {
  x: number;
  width: number;
  centre: number;
}

/** `count` equal bands across `width`, each bar filling `fill` of its band (at least 1 px). */
export function bands(count: number, width: number, fill = 0.72): Band[] {
  if (count <= 0) return [];
  const band = width / count;
  const barWidth = Math.max(1, Math.min(band - 1, band * fill));
  return Array.from({ length: count }, (_, i) => {
    const centre = band * i + band / 2;
    return { x: centre - barWidth / 2, width: barWidth, centre };
  });
}
