import { randomInt } from 'node:crypto';
import { JOIN_CODE_LENGTH } from '@commonplace/contracts';

// No 0/O, 1/I/L: codes are read off a projector and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
