import { GENERATED_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_ALPHABET, generatePassword } from './password';
import { itemAt } from '@sg/domain';

describe('generatePassword', () => {
  it('makes 16 characters from the alphabet, with lower, upper case and a digit', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(GENERATED_PASSWORD_LENGTH).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect([...password].every((char) => PASSWORD_ALPHABET.includes(char))).toBe(true);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);
    }
  });

  it('uses crypto.getRandomValues', () => {
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues');
    generatePassword();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('differs each time', () => {
    const seen = new Set(Array.from({ length: 20 }, () => generatePassword()));
    expect(seen.size).toBe(20);
  });

  it('draws bytes past the last full multiple of the alphabet again (no bias)', () => {
    const limit = 256 - (256 % PASSWORD_ALPHABET.length);
    // First a byte that must be rejected, then bytes that map to 'a', 'A', '2'...
    const sequence = [limit, 0, PASSWORD_ALPHABET.indexOf('A'), PASSWORD_ALPHABET.indexOf('2')];
    let call = 0;
    const fill = (array: Uint8Array) => {
      for (let i = 0; i < array.length; i++) array[i] = itemAt(sequence, Math.min(call++, sequence.length - 1), 'random byte');
      return array;
    };
    expect(generatePassword(5, fill)).toBe('aA222');
  });
});
