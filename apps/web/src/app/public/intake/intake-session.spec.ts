import { TestBed } from '@angular/core/testing';
import { QuickExit, LEAVE_SITE, QUICK_EXIT_URL } from '../quick-exit/quick-exit';
import { emptyAnswers } from './intake-answers';
import { IntakeSession } from './intake-session';

describe('IntakeSession', () => {
  let leave: jest.Mock;

  beforeEach(() => {
    sessionStorage.clear();
    leave = jest.fn();
    TestBed.configureTestingModule({ providers: [{ provide: LEAVE_SITE, useValue: leave }] });
  });
  afterEach(() => (document.body.style.visibility = ''));

  it('keeps the answers and the screen in the tab’s sessionStorage, so a reload finds them', () => {
    const answers = emptyAnswers('MY');
    answers.safety.selfHarm = 'thoughts';
    TestBed.inject(IntakeSession).save({ step: 2, answers });

    // A reload: a fresh service reading the same storage.
    TestBed.resetTestingModule();
    expect(TestBed.inject(IntakeSession).load()).toEqual({ step: 2, answers });
  });

  it('makes one idempotency key per form session and reuses it on every retry', () => {
    const session = TestBed.inject(IntakeSession);
    const key = session.idempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,200}$/);
    expect(session.idempotencyKey()).toBe(key);
    session.newIdempotencyKey();
    expect(session.idempotencyKey()).not.toBe(key);
  });

  it('forgets the answers and the key after a successful send', () => {
    const session = TestBed.inject(IntakeSession);
    session.save({ step: 4, answers: emptyAnswers('GB') });
    const key = session.idempotencyKey();
    session.clear();
    expect(session.load()).toBeNull();
    expect(session.idempotencyKey()).not.toBe(key);
  });

  it('is wiped by quick exit, which then replaces the page with the neutral site', () => {
    TestBed.inject(IntakeSession).save({ step: 1, answers: emptyAnswers('GB') });
    TestBed.inject(IntakeSession).idempotencyKey();
    sessionStorage.setItem('sg.country', '"GB"');

    TestBed.inject(QuickExit).exit();

    expect(sessionStorage.length).toBe(0);
    expect(TestBed.inject(IntakeSession).load()).toBeNull();
    expect(document.body.style.visibility).toBe('hidden');
    expect(leave).toHaveBeenCalledWith(QUICK_EXIT_URL);
    expect(QUICK_EXIT_URL).toBe('https://www.bbc.co.uk/weather');
  });
});
