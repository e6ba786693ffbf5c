/** A piece of a contact line: plain text, or a number the phone can call or text. */
export interface ContactPart {
  text: string;
  href?: string;
}

// A phone number as directories write it: digits with spaces, dashes or brackets, and
// optionally letters at the end (1-800-CALL-FBI).
const NUMBER = /\+?\d[\d ()-]*\d(?:-[A-Z0-9]+)*/g;
const KEYPAD: Record<string, string> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

function dialable(number: string): string {
  return number.replace(/[A-Z]/g, (letter) => KEYPAD[letter] ?? '').replace(/[^\d+]/g, '');
}

/**
 * Splits "Call 116 123, free, day or night" into text and a `tel:` link, so a frightened person
 * can tap the number instead of copying it. "Text ... to 741741" and "SMS ..." become `sms:` links,
 * with the keyword to send ("Text THORN to 741741" → `sms:741741?body=THORN`).
 */
export function contactParts(contact: string): ContactPart[] {
  const parts: ContactPart[] = [];
  let last = 0;
  for (const match of contact.matchAll(NUMBER)) {
    const number = match[0];
    const digits = dialable(number);
    if (digits.replace('+', '').length < 3) continue;
    const start = match.index ?? 0;
    // The words since the last separator say whether this is a number to call or to text.
    const clause = contact.slice(0, start).split(/[;/,]/).pop() ?? '';
    const textOnly = /\b(text|sms)\b/i.test(clause) && !/\bcall\b/i.test(clause);
    // "Text THORN to 741741": the keyword is what the service asks for, so the link fills it in
    // rather than opening a blank message the person must remember what to type into.
    const keyword = textOnly ? /\b(?:text|sms)\s+["'“]?([A-Za-z0-9]+)["'”]?\s+to\s*$/i.exec(clause)?.[1] : undefined;
    if (start > last) parts.push({ text: contact.slice(last, start) });
    const href = textOnly ? `sms:${digits}${keyword ? `?body=${encodeURIComponent(keyword)}` : ''}` : `tel:${digits}`;
    parts.push({ text: number, href });
    last = start + number.length;
  }
  if (last < contact.length) parts.push({ text: contact.slice(last) });
  return parts;
}
