import { HttpErrorResponse } from '@angular/common/http';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { translatorFor } from '@sg/i18n/server';
import { applyServerErrors, controlErrorIn, pathSegments, problemMessage, validationErrors } from './http-errors';

const english = translatorFor('en');
const malay = translatorFor('ms');

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
    expect(controlErrorIn(english, form.get('platforms.0.profileUrl'), 'Profile address')).toBe('Profile address must be a web address');
    expect(form.get('description')?.touched).toBe(true);
    expect(rest).toEqual([{ path: 'version', message: 'is stale' }]);
  });

  it('reads 400 bodies and other error messages', () => {
    const invalid = new HttpErrorResponse({ status: 400, error: { errors: [{ path: 'body', message: 'is required' }] } });
    expect(validationErrors(invalid)).toEqual([{ path: 'body', message: 'is required' }]);
    expect(validationErrors(new HttpErrorResponse({ status: 409 }))).toBeNull();
    expect(problemMessage(english, new HttpErrorResponse({ status: 401, error: { message: 'Email or password is not right' } }))).toBe(
      'Email or password is not right',
    );
    expect(problemMessage(english, new HttpErrorResponse({ status: 0 }))).toMatch(/cannot be reached/);
  });

  it('says each field problem as one sentence, in English as before', () => {
    const control = new FormControl('');
    const said = (errors: Record<string, unknown>) => (control.setErrors(errors), controlErrorIn(english, control, 'Description'));
    expect(said({ required: true })).toBe('Description is required');
    expect(said({ email: true })).toBe('Description must be an email address');
    expect(said({ minlength: { requiredLength: 12 } })).toBe('Description must be at least 12 characters');
    expect(said({ maxlength: { requiredLength: 500 } })).toBe('Description must be at most 500 characters');
    expect(said({ pattern: true })).toBe('Description is not in the right form');
    expect(said({ odd: true })).toBe('Description needs a look');
    expect(controlErrorIn(english, new FormControl('x'), 'Description')).toBe('');
    expect(controlErrorIn(english, null, 'Description')).toBe('');
  });

  it('says each field problem as one Malay sentence, the field name inside it', () => {
    const control = new FormControl('');
    const said = (errors: Record<string, unknown>) => (control.setErrors(errors), controlErrorIn(malay, control, 'Keterangan'));
    expect(said({ required: true })).toBe('Keterangan diperlukan');
    expect(said({ email: true })).toBe('Keterangan mestilah alamat e-mel');
    expect(said({ minlength: { requiredLength: 12 } })).toBe('Keterangan mestilah sekurang-kurangnya 12 aksara');
    expect(said({ maxlength: { requiredLength: 500 } })).toBe('Keterangan tidak boleh melebihi 500 aksara');
    expect(said({ pattern: true })).toBe('Format Keterangan tidak betul');
    expect(said({ odd: true })).toBe('Keterangan perlu disemak');
    // The server's words stay as it wrote them, after the name.
    expect(said({ server: 'is too long' })).toBe('Keterangan: is too long');
  });

  it("says failed requests in Malay, keeping the server's own message and the caller's fallback", () => {
    expect(problemMessage(malay, new HttpErrorResponse({ status: 0 }))).toBe('Pelayan tidak dapat dihubungi sekarang. Sila cuba lagi sebentar nanti.');
    expect(problemMessage(malay, new HttpErrorResponse({ status: 504 }))).toMatch(/^Pelayan tidak dapat dihubungi/);
    expect(problemMessage(malay, new HttpErrorResponse({ status: 403 }))).toBe('Peranan anda tidak membenarkan tindakan ini.');
    expect(problemMessage(malay, new HttpErrorResponse({ status: 500 }))).toBe('Tidak berjaya. Sila cuba lagi.');
    expect(problemMessage(malay, new Error('boom'), 'Kes tidak dapat dimuatkan.')).toBe('Kes tidak dapat dimuatkan.');
    expect(problemMessage(malay, new HttpErrorResponse({ status: 409, error: { message: 'Someone else changed this case' } }))).toBe(
      'Someone else changed this case',
    );
  });

  it('says the same failures in English exactly as before', () => {
    expect(problemMessage(english, new HttpErrorResponse({ status: 0 }))).toBe('The server cannot be reached right now. Please try again in a moment.');
    expect(problemMessage(english, new HttpErrorResponse({ status: 403 }))).toBe('Your role does not allow this.');
    expect(problemMessage(english, new HttpErrorResponse({ status: 500 }))).toBe('That did not work. Please try again.');
    expect(problemMessage(english, new HttpErrorResponse({ status: 500 }), 'Trends could not be loaded.')).toBe('Trends could not be loaded.');
  });
});
