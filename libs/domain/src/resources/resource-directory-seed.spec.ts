import { RESOURCE_DIRECTORY_SEED, RESOURCE_DIRECTORY_SEED_TEXTS } from './resource-directory-seed';

describe('the seeded directory speaks every person language', () => {
  it('gives every seeded entry, and only those, its texts in English, Malay and Spanish', () => {
    expect(Object.keys(RESOURCE_DIRECTORY_SEED_TEXTS).sort()).toEqual(RESOURCE_DIRECTORY_SEED.map((entry) => entry.key).sort());
    for (const texts of Object.values(RESOURCE_DIRECTORY_SEED_TEXTS)) {
      for (const text of [texts.en, texts.ms, texts.es]) {
        expect(text.description.trim()).not.toBe('');
        expect(text.whenToUse.trim()).not.toBe('');
      }
      expect(texts.ms.name.trim()).not.toBe('');
      expect(texts.es.name.trim()).not.toBe('');
    }
  });

  it('keeps every phone number when a contact line is translated', () => {
    for (const entry of RESOURCE_DIRECTORY_SEED) {
      const texts = RESOURCE_DIRECTORY_SEED_TEXTS[entry.key];
      const numbers = entry.contact.match(/\d[\d -]*\d/g) ?? [];
      for (const contact of [texts?.ms.contact, texts?.es.contact]) {
        if (contact) expect(contact.match(/\d[\d -]*\d/g) ?? []).toEqual(numbers);
      }
    }
  });
});
