import { randomInt } from 'node:crypto';

/** Crockford-style alphabet: no 0/O, 1/I/L or U, so codes survive being read aloud or handwritten. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomGroup(length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

/** `SG-7K3M-9QXD`: short enough to say on the phone; uniqueness is enforced by the database. */
export function newCaseReference(): string {
  return `SG-${randomGroup(4)}-${randomGroup(4)}`;
}

/** `K7QM-3XPA-9RTD-H4WN`: ~78 bits of randomness; shown once, stored only as a keyed hash. */
export function newAccessCode(): string {
  return [randomGroup(4), randomGroup(4), randomGroup(4), randomGroup(4)].join('-');
}
