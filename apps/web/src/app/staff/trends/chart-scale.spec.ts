import { bands, labelledIndexes, niceTicks } from './chart-scale';
import { itemAt } from '@sg/domain';

describe('niceTicks', () => {
  it.each([
    [13, [0, 5, 10, 15]],
    [3, [0, 1, 2, 3]],
    [1, [0, 1]],
    [0, [0, 1]],
    [180, [0, 50, 100, 150, 200]],
    [1000, [0, 500, 1000]],
  ])('a maximum of %d gets ticks %j', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('always reaches the maximum', () => {
    for (const max of [7, 19, 99, 101, 4321]) expect(niceTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });
});

describe('labelledIndexes', () => {
  it('labels every day when there is room, and always the last', () => {
    expect(labelledIndexes(7, 100, 48)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(labelledIndexes(30, 20, 48)).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
  });
});

describe('bands', () => {
  it('spreads bars evenly with a gap between them', () => {
    const spread = bands(10, 500);
    const first = itemAt(spread, 0, 'band');
    const second = itemAt(spread, 1, 'band');
    expect(second.centre - first.centre).toBe(50);
    expect(first.width).toBeCloseTo(36);
    expect(first.x).toBeCloseTo(7);
  });

  it('keeps even a crowded bar visible', () => {
    expect(bands(366, 300)[0]?.width).toBe(1);
  });
});
