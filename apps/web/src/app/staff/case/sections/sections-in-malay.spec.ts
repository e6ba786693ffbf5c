import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { FollowUpView, TakedownView } from '@sg/contracts';
import { EMPTY } from 'rxjs';
import { speakInTests } from '../../../system/i18n/testing';
import { Clock } from '../../ui/clock';
import { CaseStore } from '../case-store';
import { CaseWorkStore } from '../case-work-store';
import { ContactSection } from './contact-section';
import { FollowUpsSection } from './follow-ups-section';
import { NotesSection } from './notes-section';
import { TakedownsSection } from './takedowns-section';
import { TimelineSection } from './timeline-section';
import { hostOf } from '../../../../testing/dom';
import { caseDetail } from '../../../../testing/cases';

const detail = caseDetail({
  id: 'c1',
  contact: { channel: 'email', consentToContact: false, hasDetails: true },
  notes: [],
  timeline: [{ id: 't1', kind: 'created', at: '2026-12-03T14:05:00Z', summary: 'Case created', actor: { kind: 'system', staff: null }, data: {} }],
});

const takedown: TakedownView = {
  id: 'td1',
  caseId: 'c1',
  platform: 'Instagram',
  url: 'https://instagram.example/x',
  account: null,
  channel: 'platform_form',
  status: 'draft',
  allowedTransitions: ['submitted'],
  ticketNumber: null,
  submittedAt: null,
  acknowledgedAt: null,
  removedAt: null,
  rejectedAt: null,
  escalatedAt: null,
  reappearedAt: null,
  previousRequestId: null,
  createdBy: null,
  createdAt: '2026-12-03T14:05:00Z',
};

/** A staff member who chose Malay: the case page's own words are Malay, and no key shows raw. */
describe('the case sections in Malay', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        speakInTests('ms'),
        { provide: Clock, useValue: { now: signal(Date.parse('2026-12-03T12:00:00Z')) } },
        { provide: CaseStore, useValue: { detail: signal(detail), addNote: () => EMPTY, revealContact: () => EMPTY } },
        {
          provide: CaseWorkStore,
          useValue: {
            takedowns: signal({ items: [takedown], problem: null }),
            followUps: signal({ items: [] as FollowUpView[], problem: null }),
            busyId: signal(null),
          },
        },
      ],
    });
  });

  function text(component: Parameters<typeof TestBed.createComponent>[0]): string {
    const fixture = TestBed.createComponent(component);
    fixture.detectChanges();
    return hostOf(fixture).textContent ?? '';
  }

  it('says the notes, the timeline and its dates in Malay', () => {
    const notes = text(NotesSection);
    expect(notes).toContain('Tambah catatan');
    expect(notes).toContain('Belum ada catatan.');
    const timeline = text(TimelineSection);
    expect(timeline).toContain('Sistem');
    // Malay month names (December is "Dis"), not English ones.
    expect(timeline).toMatch(/\bDis\b/);
    for (const words of [notes, timeline]) expect(words).not.toMatch(/staff\./);
  });

  it('says the contact reveal, the takedown requests and the follow-ups in Malay', () => {
    const contact = text(ContactSection);
    expect(contact).toContain('Setuju untuk dihubungi');
    expect(contact).toContain('Paparkan butiran hubungan');
    const takedowns = text(TakedownsSection);
    expect(takedowns).toContain('Permintaan penurunan kandungan');
    expect(takedowns).toContain('Kemas kini status');
    expect(takedowns).toMatch(/Dibuka \d+ Dis/);
    const followUps = text(FollowUpsSection);
    expect(followUps).toContain('Tiada apa-apa dijadualkan.');
    for (const words of [contact, takedowns, followUps]) {
      expect(words).not.toMatch(/staff\./);
      expect(words).not.toContain('Update status');
    }
  });
});
