import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { IntakeResponse } from '@sg/contracts';
import { of, throwError } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { CasesApi } from '../data-access/cases-api';
import { StaffIntakeApi } from '../data-access/staff-intake-api';
import { LiveUpdates } from '../live/live-updates';
import { StaffIntakePage } from './staff-intake-page';
import { hostOf } from '../../../testing/dom';

const RESPONSE = {
  reference: 'SG-7K3M-9QXD',
  accessCode: 'AB12-CD34-EF56-GH78',
  caseId: 'c1',
  actionPlan: [],
  resources: [],
  firstResponseWithin: { key: 'person.firstResponse.withinHours', params: { hours: 1 } },
  contact: { kind: 'not_said' },
  country: 'GB',
} as IntakeResponse;
const keyReused = new HttpErrorResponse({
  status: 422,
  error: { statusCode: 422, message: 'This Idempotency-Key was already used for a different submission.' },
});

describe('StaffIntakePage', () => {
  it('after a 422 says the intake may already be saved, and a deliberate resubmit goes with a new key', async () => {
    const submit = jest
      .fn<ReturnType<StaffIntakeApi['submit']>, Parameters<StaffIntakeApi['submit']>>()
      .mockReturnValueOnce(throwError(() => keyReused))
      .mockReturnValueOnce(of(RESPONSE));
    TestBed.configureTestingModule({
      imports: [StaffIntakePage],
      providers: [
        provideRouter([]),
        { provide: StaffIntakeApi, useValue: { submit } },
        { provide: CasesApi, useValue: { list: jest.fn() } },
        { provide: AuthSession, useValue: { hasRole: () => false } },
        { provide: LiveUpdates, useValue: { changed: jest.fn() } },
        speakInTests(),
      ],
    });
    const fixture = TestBed.createComponent(StaffIntakePage);
    fixture.componentInstance['form'].patchValue({ country: 'GB', consent: { storeData: true } });
    fixture.componentInstance['platforms'].at(0).patchValue({ platform: 'Instagram', offenderHandle: '@pressure.acc' });
    await fixture.whenStable();
    const root = hostOf(fixture);
    const send = async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };

    await send();
    const alert = root.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('may already have been saved');
    expect(alert).toContain('search for “@pressure.acc”');

    await send();
    expect(submit).toHaveBeenCalledTimes(2);
    expect(submit.mock.calls[1]?.[1]).not.toBe(submit.mock.calls[0]?.[1]);
    expect(root.textContent).toContain(RESPONSE.reference);
  });
});
