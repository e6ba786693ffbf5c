import { TEXT_MINIMUMS } from '@sg/contracts';

/**
 * Passwords an admin hands to a new colleague (or after a reset): 16 characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), read out or pasted once. Each character is drawn with
 * crypto.getRandomValues and rejection sampling, so every character is equally likely.
 */
export const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_';
export const GENERATED_PASSWORD_LENGTH = 16;
/** The API's minimum (staffCreateSchema). */
export const MIN_PASSWORD_LENGTH = TEXT_MINIMUMS.staffPassword;

type RandomFill = (array: Uint8Array) => Uint8Array;

const defaultFill: RandomFill = (array) => globalThis.crypto.getRandomValues(array);

export function generatePassword(length = GENERATED_PASSWORD_LENGTH, fill: RandomFill = defaultFill): string {
  const alphabet = PASSWORD_ALPHABET;
  // The largest multiple of the alphabet size below 256: bytes at or above it are drawn again.
  const limit = 256 - (256 % alphabet.length);
  for (;;) {
    let password = '';
    while (password.length < length) {
      const bytes = fill(new Uint8Array(length * 2));
      for (const byte of bytes) {
        if (byte < limit && password.length < length) password += alphabet[byte % alphabet.length];
      }
    }
    // One of each kind, so it passes any "mixed characters" rule people may expect.
    if (length < 3 || (/[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password))) return password;
  }
}
