import { TestBed } from '@angular/core/testing';
import { speakInTests } from '../../system/i18n/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { EMPTY, of, throwError } from 'rxjs';
import { translatorFor } from '@sg/i18n/server';
import { CaseConflict } from './case-store';
import { OverridePriorityDialog, OverridePriorityDialogData, overrideConflictMessage } from './override-priority-dialog';
import { hostOf, query } from '../../../testing/dom';
import { caseDetail } from '../../../testing/cases';

const current = caseDetail({
  version: 4,
  priority: 'high',
  triagePriority: 'high',
  priorityOverride: { priority: 'high', reason: 'Spoke to them; safe at home', by: { id: 's', displayName: 'Sam Supervisor' }, at: '' },
});

/** The dialog opened on version 3 with a reason typed in, and a way to press Save. */
function openWithReason(save: jest.Mock, triagePriority: OverridePriorityDialogData['triagePriority']) {
  const close = jest.fn();
  const data: OverridePriorityDialogData = { reference: 'SG-AAAA-BBBB', version: 3, priority: 'urgent', triagePriority, hasOverride: false, save };
  TestBed.configureTestingModule({ providers: [speakInTests(), { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }] });
  const fixture = TestBed.createComponent(OverridePriorityDialog);
  fixture.detectChanges();
  const root = hostOf(fixture);
  const reason = query(root, 'textarea', HTMLTextAreaElement);
  reason.value = 'Said on the phone they have a plan';
  reason.dispatchEvent(new Event('input'));
  const submit = () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };
  return { close, root, reason, submit };
}

describe('OverridePriorityDialog', () => {
  it('bases the override on the version it was opened on, and on a conflict keeps the input and says what changed', () => {
    const save = jest
      .fn()
      .mockReturnValueOnce(throwError(() => new CaseConflict(current, 'conflict')))
      .mockReturnValueOnce(of(current));
    const { close, root, reason, submit } = openWithReason(save, 'urgent');
    submit();
    expect(save).toHaveBeenLastCalledWith({ priority: 'urgent', reason: 'Said on the phone they have a plan' }, 3);
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('It is now High, set by Sam Supervisor');
    expect(reason.value).toBe('Said on the phone they have a plan');
    submit();
    expect(save).toHaveBeenLastCalledWith({ priority: 'urgent', reason: 'Said on the phone they have a plan' }, 4);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('stays open with the reason when saving fails for another reason (the store has said why)', () => {
    // The store reports a network error or a 5xx itself and completes without a value.
    const save = jest.fn().mockReturnValueOnce(EMPTY).mockReturnValueOnce(of(current));
    const { close, root, reason, submit } = openWithReason(save, 'high');

    submit();
    expect(close).not.toHaveBeenCalled();
    expect(reason.value).toBe('Said on the phone they have a plan');
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);

    submit();
    expect(save).toHaveBeenCalledTimes(2);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('says when triage alone set the priority now', () => {
    expect(overrideConflictMessage({ priority: 'emergency', triagePriority: 'emergency', priorityOverride: null }, translatorFor('en'))).toContain(
      'It is now Emergency, as triage says.',
    );
  });
});
