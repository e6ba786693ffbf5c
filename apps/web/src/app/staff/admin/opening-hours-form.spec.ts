import { DEFAULT_OPENING_HOURS, OpeningHours } from '@sg/domain';
import { Translator, flattenCatalogue } from '@sg/i18n';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { describeNow, toFormErrors, toFormValue, toOpeningHours } from './opening-hours-form';

const nights: OpeningHours = {
  timeZone: 'Europe/London',
  weekly: [
    { day: 3, opens: '13:00', closes: '17:00' },
    { day: 3, opens: '09:00', closes: '12:00' },
    { day: 7, opens: '18:00', closes: '24:00' },
  ],
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
};

describe('opening hours form mapping', () => {
  it('puts slots under their weekday, in order, and shows midnight as 00:00', () => {
    const value = toFormValue(nights);
    expect(value.days.map((day) => day.slots.length)).toEqual([0, 0, 2, 0, 0, 0, 1]);
    expect(value.days[2]?.slots).toEqual([
      { opens: '09:00', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ]);
    expect(value.days[6]?.slots).toEqual([{ opens: '18:00', closes: '00:00' }]);
  });

  it('sends a flat list with ISO weekdays and 24:00, and maps the API problems back to the fields', () => {
    const { hours, slotOrigins } = toOpeningHours(toFormValue(nights));
    expect(hours.weekly).toEqual([
      { day: 3, opens: '09:00', closes: '12:00' },
      { day: 3, opens: '13:00', closes: '17:00' },
      { day: 7, opens: '18:00', closes: '24:00' },
    ]);
    expect(
      toFormErrors(
        [
          { path: 'weekly[2].opens', message: 'x' },
          { path: 'holidays[0].date', message: 'y' },
        ],
        slotOrigins,
      ),
    ).toEqual([
      { path: 'days[6].slots[0].opens', message: 'x' },
      { path: 'holidays[0].date', message: 'y' },
    ]);
  });
});

const english = new Translator('en', flattenCatalogue(CATALOGUES.en), { icu: compileIcu });
const malay = new Translator('ms', flattenCatalogue(CATALOGUES.ms), { icu: compileIcu });

describe('describeNow', () => {
  it('says when it closes while open and when it opens while closed, in the organisation time', () => {
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-10T12:00:00Z'), english)).toBe('Now: open (closes 17:00)');
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-13T12:00:00Z'), english)).toBe('Now: closed, opens Monday 09:00');
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-10T18:00:00Z'), english)).toBe('Now: closed, opens tomorrow 09:00');
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-10T06:00:00Z'), english)).toBe('Now: closed, opens 09:00');
  });

  it('says it in Malay, with Malay day names', () => {
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-10T12:00:00Z'), malay)).toBe('Sekarang: buka (tutup 17:00)');
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-13T12:00:00Z'), malay)).toBe('Sekarang: tutup, buka Isnin 09:00');
    expect(describeNow(DEFAULT_OPENING_HOURS, new Date('2026-06-10T18:00:00Z'), malay)).toBe('Sekarang: tutup, buka esok 09:00');
  });
});
