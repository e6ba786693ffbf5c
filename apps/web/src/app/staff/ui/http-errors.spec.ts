import { HttpErrorResponse } from '@angular/common/http';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors, controlError, pathSegments, problemMessage, validationErrors } from './http-errors';

describe('server field errors', () => {
  it('splits contract paths into form paths', () => {
    expect(pathSegments('platforms[0].profileUrl')).toEqual(['platforms', 0, 'profileUrl']);
    expect(pathSegments('priorityOverride.reason')).toEqual(['priorityOverride', 'reason']);
  });

  it('puts each message on the field it names and returns the rest', () => {
    const form = new FormGroup({
      description: new FormControl(''),
      platforms: new FormArray([new FormGroup({ profileUrl: new FormControl('x') })]),
    });
    const rest = applyServerErrors(form, [
      { path: 'platforms[0].profileUrl', message: 'must be a web address' },
      { path: 'description', message: 'is required' },
      { path: 'version', message: 'is stale' },
    ]);
    expect(controlError(form.get('platforms.0.profileUrl'), 'Profile address')).toBe('Profile address must be a web address');
    expect(form.get('description')?.touched).toBe(true);
    expect(rest).toEqual([{ path: 'version', message: 'is stale' }]);
  });

  it('reads 400 bodies and other error messages', () => {
    const invalid = new HttpErrorResponse({ status: 400, error: { errors: [{ path: 'body', message: 'is required' }] } });
    expect(validationErrors(invalid)).toEqual([{ path: 'body', message: 'is required' }]);
    expect(validationErrors(new HttpErrorResponse({ status: 409 }))).toBeNull();
    expect(problemMessage(new HttpErrorResponse({ status: 401, error: { message: 'Email or password is not right' } }))).toBe('Email or password is not right');
    expect(problemMessage(new HttpErrorResponse({ status: 0 }))).toMatch(/cannot be reached/);
  });
});
