import {
  CASE_STATUS_LABELS as DOMAIN_CASE_STATUS_LABELS,
  FOLLOW_UP_KIND_LABELS as DOMAIN_FOLLOW_UP_KIND_LABELS,
  REPORT_AGENCY_KIND_LABELS as DOMAIN_REPORT_AGENCY_KIND_LABELS,
  REPORT_STATUS_LABELS as DOMAIN_REPORT_STATUS_LABELS,
  TAKEDOWN_CHANNEL_LABELS as DOMAIN_TAKEDOWN_CHANNEL_LABELS,
  TAKEDOWN_STATUS_LABELS as DOMAIN_TAKEDOWN_STATUS_LABELS,
} from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import * as z from 'zod';
import * as labels from './labels';

const english = translatorFor('en');
const malay = translatorFor('ms');
const said = (say: typeof english, map: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(map).map(([code, key]) => [code, say.t(key)]));
// Each *_LABELS export is checked to be a code-to-key map of strings, not assumed to be one.
const keyMaps = Object.entries(labels)
  .filter(([name]) => name.endsWith('_LABELS'))
  .map(([name, map]) => [name, z.record(z.string(), z.string()).parse(map)] as const);

describe('dashboard labels', () => {
  it('are catalogue keys that English and Malay both have', () => {
    expect(keyMaps.length).toBeGreaterThanOrEqual(17);
    for (const [name, map] of keyMaps) {
      for (const [code, key] of Object.entries(map)) {
        expect({ name, code, key, en: english.has(key), ms: malay.has(key) }).toEqual({ name, code, key, en: true, ms: true });
      }
    }
  });

  it('say in English what the dashboard always said', () => {
    expect(said(english, labels.PRIORITY_LABELS)).toEqual({ emergency: 'Emergency', urgent: 'Urgent', high: 'High', standard: 'Standard' });
    expect(said(english, labels.AGE_BAND_LABELS)).toEqual({ under_13: 'Under 13', '13_17': '13–17', '18_plus': '18+', unknown: 'Age unknown' });
    expect(said(english, labels.CONTACT_CHANNEL_LABELS)).toEqual({ email: 'Email', phone: 'Phone call', sms: 'Text message', none: 'Do not contact' });
    expect(said(english, labels.ROLE_LABELS)).toEqual({ caseworker: 'Caseworker', supervisor: 'Supervisor', admin: 'Admin' });
    expect(english.t(labels.EVIDENCE_KIND_LABELS.offender_account)).toBe('Account of the person threatening');
    expect(english.t(labels.SELF_HARM_LABELS.plan_or_intent)).toBe('A plan or intent to self-harm');
  });

  it('say in English exactly what the domain says for the server (one wording for both)', () => {
    expect(said(english, labels.CASE_STATUS_LABELS)).toEqual(DOMAIN_CASE_STATUS_LABELS);
    expect(said(english, labels.TAKEDOWN_STATUS_LABELS)).toEqual(DOMAIN_TAKEDOWN_STATUS_LABELS);
    expect(said(english, labels.TAKEDOWN_CHANNEL_LABELS)).toEqual(DOMAIN_TAKEDOWN_CHANNEL_LABELS);
    expect(said(english, labels.REPORT_STATUS_LABELS)).toEqual(DOMAIN_REPORT_STATUS_LABELS);
    expect(said(english, labels.REPORT_AGENCY_KIND_LABELS)).toEqual(DOMAIN_REPORT_AGENCY_KIND_LABELS);
    expect(said(english, labels.FOLLOW_UP_KIND_LABELS)).toEqual(DOMAIN_FOLLOW_UP_KIND_LABELS);
  });

  it('say Malay', () => {
    expect(said(malay, labels.PRIORITY_LABELS)).toEqual({ emergency: 'Kecemasan', urgent: 'Segera', high: 'Tinggi', standard: 'Biasa' });
    expect(said(malay, labels.CASE_STATUS_LABELS)).toEqual({
      new: 'Baharu',
      in_progress: 'Sedang diuruskan',
      waiting: 'Menunggu',
      resolved: 'Selesai',
      closed: 'Ditutup',
    });
    expect(malay.t(labels.AGE_BAND_LABELS.under_13)).toBe('Bawah 13 tahun');
    expect(malay.t(labels.ROLE_LABELS.caseworker)).toBe('Pegawai kes');
    expect(malay.t(labels.INTAKE_CHANNEL_LABELS.email)).toBe('E-mel');
    // Service names stay as the services write them.
    expect(malay.t(labels.TAKEDOWN_CHANNEL_LABELS.take_it_down)).toBe('Take It Down (NCMEC)');
    expect(malay.t(labels.REPORT_AGENCY_KIND_LABELS.cybertipline)).toBe('NCMEC CyberTipline');
  });

  it('say a missing code as "Not given" and an unknown one as itself', () => {
    expect(labels.labelIn(english, labels.AGE_BAND_LABELS, null)).toBe('Not given');
    expect(labels.labelIn(malay, labels.AGE_BAND_LABELS, '')).toBe('Tidak dinyatakan');
    expect(labels.labelIn(malay, labels.DEMAND_LABELS, 'money')).toBe('Wang');
    expect(labels.labelIn(malay, labels.DEMAND_LABELS, 'gift_cards')).toBe('gift_cards');
    expect([true, false, null].map((value) => english.t(labels.yesNo(value)))).toEqual(['Yes', 'No', 'Not known']);
    expect([true, false, null].map((value) => malay.t(labels.yesNo(value)))).toEqual(['Ya', 'Tidak', 'Tidak diketahui']);
  });

  it("name countries in the reader's language", () => {
    expect(labels.countryName('GB', 'en')).toBe('United Kingdom');
    expect(labels.countryName('MY', 'en')).toBe('Malaysia');
    expect(labels.countryName('US', 'ms')).toBe('Amerika Syarikat');
    expect(labels.countryName('not a code', 'ms')).toBe('not a code');
  });
});
