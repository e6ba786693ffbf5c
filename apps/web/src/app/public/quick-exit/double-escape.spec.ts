import { DoubleEscape } from './double-escape';

describe('DoubleEscape', () => {
  it('fires on the second press within a second, not on the first', () => {
    const escape = new DoubleEscape();
    expect(escape.press(10_000)).toBe(false);
    expect(escape.press(10_800)).toBe(true);
  });

  it('does not fire for two presses far apart (one to close a date picker, later another)', () => {
    const escape = new DoubleEscape();
    expect(escape.press(10_000)).toBe(false);
    expect(escape.press(11_500)).toBe(false);
    expect(escape.press(12_200)).toBe(true);
  });

  it('starts counting again after firing', () => {
    const escape = new DoubleEscape();
    escape.press(0);
    expect(escape.press(100)).toBe(true);
    expect(escape.press(200)).toBe(false);
  });
});
