import { PublishedCount, suppressSmallCounts } from './small-cells';

const group = (name: string, counts: number[]): PublishedCount[] => counts.map((count) => ({ count, group: name }));
const shown = (cells: PublishedCount[]) => {
  const withheld = suppressSmallCounts(cells, 5);
  return cells.map((cell, i) => (withheld[i] ? '<5' : String(cell.count)));
};

describe('suppressSmallCounts', () => {
  it('withholds every count from 1 to 4 and never a zero', () => {
    expect(shown([1, 2, 3, 4, 5, 0].map((count) => ({ count, group: null })))).toEqual(['<5', '<5', '<5', '<5', '5', '0']);
  });

  it('withholds the next-smallest cell of a group with a known total and one small cell, so it cannot be subtracted', () => {
    expect(shown(group('m', [20, 2, 9, 7]))).toEqual(['20', '<5', '9', '<5']);
  });

  it('leaves a group with two small cells as it is, and one with no small cell', () => {
    expect(shown(group('m', [20, 2, 3, 9]))).toEqual(['20', '<5', '<5', '9']);
    expect(shown(group('m', [20, 5, 9]))).toEqual(['20', '5', '9']);
  });

  it('withholds one more when the small cells are all 1s (their sum would say so)', () => {
    expect(shown(group('m', [20, 1, 1, 9]))).toEqual(['20', '<5', '<5', '<5']);
    expect(shown(group('m', [20, 1, 1, 1, 9]))).toEqual(['20', '<5', '<5', '<5', '<5']);
  });

  it('breaks a tie for the next-smallest by taking the first', () => {
    expect(shown(group('m', [3, 8, 8]))).toEqual(['<5', '<5', '8']);
  });

  it('does nothing when a group has nothing left to withhold', () => {
    expect(shown(group('m', [3]))).toEqual(['<5']);
  });

  it('treats each group on its own, and cells in no group by their size only', () => {
    const cells = [...group('a', [3, 6, 30]), ...group('b', [6, 30]), { count: 2, group: null }, { count: 6, group: null }];
    expect(shown(cells)).toEqual(['<5', '<5', '30', '6', '30', '<5', '6']);
  });

  it('withholds twins together, and checks the groups again after a twin is withheld', () => {
    // One set of records counted under two breakdowns (the purged cases, by country and by channel):
    // withholding it in one group only would leave its twin to give it away.
    const cells: PublishedCount[] = [
      { count: 1, group: 'country' },
      { count: 6, group: 'country', twin: 'purged' },
      { count: 6, group: 'country' },
      { count: 1, group: 'channel' },
      { count: 7, group: 'channel' },
      { count: 6, group: 'channel', twin: 'purged' },
    ];
    expect(shown(cells)).toEqual(['<5', '<5', '6', '<5', '7', '<5']);
  });

  it('leaves no group with a known total in which a withheld cell can be worked out, whatever the counts', () => {
    let seed = 7;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    for (let run = 0; run < 500; run += 1) {
      const cells = Array.from({ length: 2 + random(6) }, () => ({ count: random(12), group: 'm' }));
      const withheld = suppressSmallCounts(cells, 5);
      const hidden = cells.filter((cell, i) => withheld[i]);
      const canStillHide = cells.some((cell, i) => !withheld[i] && cell.count > 0);
      expect(cells.filter((cell, i) => cell.count > 0 && cell.count < 5 && !withheld[i])).toEqual([]);
      expect(cells.filter((cell, i) => cell.count === 0 && withheld[i])).toEqual([]);
      if (hidden.length > 0 && canStillHide) {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(hidden.reduce((sum, cell) => sum + cell.count, 0)).toBeGreaterThan(hidden.length);
      }
    }
  });
});
