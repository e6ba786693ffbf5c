import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { speakInTests } from '../../system/i18n/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { StaffMember } from '@sg/contracts';
import { EMPTY, Observable, defer, of, throwError } from 'rxjs';
import { translatorFor } from '@sg/i18n/server';
import { ReassignDialog, ReassignDialogData, staffOptionLabel } from './reassign-dialog';
import { itemAt } from '@sg/domain';
import { caseDetail } from '../../../testing/cases';
import { hostOf } from '../../../testing/dom';

const sam: StaffMember = { id: 's2', displayName: 'Sam Supervisor', email: 'supervisor@demo.test', role: 'supervisor', active: true };

describe('ReassignDialog', () => {
  function open(assign: jest.Mock, staff: Observable<StaffMember[]> = of([sam])) {
    const close = jest.fn();
    const data: ReassignDialogData = { reference: 'SG-AAAA-BBBB', currentAssigneeId: null, staff, assign };
    TestBed.configureTestingModule({
      providers: [speakInTests(), { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }],
    });
    const fixture = TestBed.createComponent(ReassignDialog);
    fixture.detectChanges();
    const root = hostOf(fixture);
    const submit = (who?: string) => {
      if (who) fixture.componentInstance['assignee'].setValue(who);
      root.querySelector('form')?.dispatchEvent(new Event('submit'));
      fixture.detectChanges();
    };
    return { fixture, root, close, submit };
  }

  it('closes once the case is assigned', () => {
    const assign = jest.fn().mockReturnValue(of(caseDetail()));
    const { close, submit } = open(assign);
    submit('s2');
    expect(assign).toHaveBeenCalledWith('s2', 'Sam Supervisor');
    expect(close).toHaveBeenCalledWith(true);
  });

  it('stays open with the choice when assigning fails (the store has said why), so it can be tried again', () => {
    const assign = jest.fn().mockReturnValueOnce(EMPTY).mockReturnValueOnce(of(caseDetail()));
    const { root, close, submit } = open(assign);
    submit('s2');
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
    submit();
    expect(assign).toHaveBeenLastCalledWith('s2', 'Sam Supervisor');
    expect(close).toHaveBeenCalledWith(true);
  });

  it('says what the server refused, and stays open', () => {
    const refusal = new HttpErrorResponse({ status: 400, error: { message: 'That person cannot take cases', errors: [] } });
    const assign = jest.fn().mockReturnValue(throwError(() => refusal));
    const { root, close, submit } = open(assign);
    submit('s2');
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('That person cannot take cases');
  });

  it('says when the staff list could not be loaded, and loads it again on request', () => {
    let tries = 0;
    const staff = defer(() => (++tries === 1 ? throwError(() => new HttpErrorResponse({ status: 503 })) : of([sam])));
    const { fixture, root } = open(jest.fn(), staff);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not load staff — try again');
    const retry = Array.from(root.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Try again');
    retry?.click();
    fixture.detectChanges();
    expect(tries).toBe(2);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('mat-select')).not.toBeNull();
  });
});

describe('staffOptionLabel', () => {
  const alex = (id: string, email: string) => ({ id, displayName: 'Alex Kim', email, role: 'caseworker', active: true }) as StaffMember;

  it('shows the e-mail only when two people share a name', () => {
    const everyone = [alex('a1', 'alex.kim@example.org'), alex('a2', 'akim@example.org'), sam];
    expect(staffOptionLabel(itemAt(everyone, 0, 'member'), everyone, translatorFor('en'))).toBe('Alex Kim, alex.kim@example.org (Caseworker)');
    expect(staffOptionLabel(itemAt(everyone, 1, 'member'), everyone, translatorFor('en'))).toBe('Alex Kim, akim@example.org (Caseworker)');
    expect(staffOptionLabel(sam, everyone, translatorFor('en'))).toBe('Sam Supervisor (Supervisor)');
  });
});
