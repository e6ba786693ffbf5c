import type { ResourceDirectoryEntry } from '@sg/contracts';
import { RESOURCE_AUDIENCES } from '@sg/domain';
import { emptyResourceForm, groupByJurisdiction, resourceChanges, resourceFormValue, toResourceWrite } from './resource-form';

const entry = (overrides: Partial<ResourceDirectoryEntry> = {}): ResourceDirectoryEntry => ({
  id: 'r1',
  key: 'sg-helpline',
  jurisdiction: 'SG',
  name: 'Helpline',
  contact: 'Call 1800 000 000',
  url: null,
  purpose: 'crisis',
  audiences: ['everyone'],
  sortOrder: 10,
  active: true,
  description: null,
  whenToUse: null,
  translations: {},
  fallsBackToEnglish: [],
  ...overrides,
});

describe('resource form mapping', () => {
  it('turns the form into ResourceEntryWrite', () => {
    const value = {
      ...emptyResourceForm(),
      key: ' SG-Report ',
      jurisdiction: 'sg',
      name: ' Report it ',
      contact: ' Online form ',
      url: '  ',
      purpose: 'reporting' as const,
      audiences: { minors: true, everyone: false, financial: true },
      sortOrder: 20,
    };
    expect(toResourceWrite(value, RESOURCE_AUDIENCES)).toEqual({
      key: 'sg-report',
      jurisdiction: 'SG',
      name: 'Report it',
      contact: 'Online form',
      url: null,
      purpose: 'reporting',
      audiences: ['minors', 'financial'],
      sortOrder: 20,
      active: true,
      description: null,
      whenToUse: null,
      translations: {},
    });
    expect(toResourceWrite({ ...value, jurisdiction: 'ANY', url: ' https://example.org ', sortOrder: null }, RESOURCE_AUDIENCES)).toMatchObject({
      jurisdiction: 'ANY',
      url: 'https://example.org',
      sortOrder: 100,
    });
  });

  it('round-trips an entry and patches only what changed', () => {
    const original = entry({ audiences: ['everyone', 'minors'] });
    const unchanged = toResourceWrite(resourceFormValue(original), RESOURCE_AUDIENCES);
    expect(resourceChanges(original, unchanged)).toBeNull();

    const edited = toResourceWrite(
      { ...resourceFormValue(original), name: 'New name', url: 'https://x.example', audiences: { minors: true } },
      RESOURCE_AUDIENCES,
    );
    expect(resourceChanges(original, edited)).toEqual({ name: 'New name', url: 'https://x.example', audiences: ['minors'] });

    const cleared = toResourceWrite({ ...resourceFormValue(entry({ url: 'https://x.example' })), url: '' }, RESOURCE_AUDIENCES);
    expect(resourceChanges(entry({ url: 'https://x.example' }), cleared)).toEqual({ url: null });
  });

  it('sends each language’s words trimmed, leaves out what falls back to English, and patches them only when they change', () => {
    const original = entry({ description: 'Police, ambulance and fire services.', translations: { ms: { name: 'Perkhidmatan kecemasan' } } });
    const form = resourceFormValue(original);
    expect(form.translations).toEqual({
      ms: { name: 'Perkhidmatan kecemasan', description: '', whenToUse: '', contact: '' },
      es: { name: '', description: '', whenToUse: '', contact: '' },
    });
    expect(resourceChanges(original, toResourceWrite(form, RESOURCE_AUDIENCES))).toBeNull();

    const withSpanish = {
      ...form,
      whenToUse: ' If you are in danger now. ',
      translations: { ...form.translations, es: { ...form.translations.es, name: ' Servicios de emergencia ' } },
    };
    expect(resourceChanges(original, toResourceWrite(withSpanish, RESOURCE_AUDIENCES))).toEqual({
      whenToUse: 'If you are in danger now.',
      translations: { ms: { name: 'Perkhidmatan kecemasan' }, es: { name: 'Servicios de emergencia' } },
    });

    const clearedMalay = { ...form, description: '', translations: { ...form.translations, ms: { ...form.translations.ms, name: '' } } };
    expect(resourceChanges(original, toResourceWrite(clearedMalay, RESOURCE_AUDIENCES))).toEqual({ description: null, translations: {} });
  });

  it('groups worldwide first, then countries by name, entries by sort order', () => {
    const groups = groupByJurisdiction(
      [
        entry({ id: 'a', jurisdiction: 'SG', sortOrder: 20 }),
        entry({ id: 'b', jurisdiction: 'ANY' }),
        entry({ id: 'c', jurisdiction: 'AU' }),
        entry({ id: 'd', jurisdiction: 'SG', sortOrder: 5 }),
      ],
      (code) => ({ SG: 'Singapore', AU: 'Australia' })[code] ?? code,
      'Worldwide',
    );
    expect(groups.map((group) => group.label)).toEqual(['Worldwide', 'Australia', 'Singapore']);
    expect(groups[2]?.entries.map((e) => e.id)).toEqual(['d', 'a']);
  });
});
