import { RESOURCE_DIRECTORY_SEED } from '@sg/domain';
import { contactParts } from './contact-links';

const links = (contact: string) =>
  contactParts(contact)
    .filter((part) => part.href)
    .map((part) => [part.text, part.href]);

describe('contactParts', () => {
  it('makes the numbers in a contact line tappable and keeps the words around them', () => {
    expect(contactParts('Call 116 123, free, day or night')).toEqual([
      { text: 'Call ' },
      { text: '116 123', href: 'tel:116123' },
      { text: ', free, day or night' },
    ]);
  });

  it('handles several numbers, and numbers to text rather than call', () => {
    expect(links('03-2935 9935 / 014-322 3392')).toEqual([
      ['03-2935 9935', 'tel:0329359935'],
      ['014-322 3392', 'tel:0143223392'],
    ]);
    expect(links('1-300-88-2999 (business hours); SMS 019-266 5850 after hours')).toEqual([
      ['1-300-88-2999', 'tel:1300882999'],
      ['019-266 5850', 'sms:0192665850'],
    ]);
    expect(links('Text THORN to 741741')).toEqual([['741741', 'sms:741741?body=THORN']]);
    expect(links('Text "HOME" to 85258')).toEqual([['85258', 'sms:85258?body=HOME']]);
    expect(links('Call or text 988')).toEqual([['988', 'tel:988']]);
  });

  it('dials numbers written with letters', () => {
    expect(links('1-800-CALL-FBI')).toEqual([['1-800-CALL-FBI', 'tel:18002255324']]);
    expect(links('877-4-HSI-TIP')).toEqual([['877-4-HSI-TIP', 'tel:8774474847']]);
  });

  it('leaves web addresses and words alone', () => {
    expect(links('ic3.gov')).toEqual([]);
    expect(links('Your local police station or non-emergency number')).toEqual([]);
  });

  it('gives every seeded crisis line with a number a link to tap', () => {
    const crisis = RESOURCE_DIRECTORY_SEED.filter((entry) => entry.purpose === 'crisis' && /\d/.test(entry.contact));
    for (const entry of crisis) expect(links(entry.contact).length).toBeGreaterThan(0);
  });
});
