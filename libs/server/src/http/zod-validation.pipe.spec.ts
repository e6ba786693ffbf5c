import { BadRequestException } from '@nestjs/common';
import { intakeRequestSchema, validationErrorResponseSchema, ValidationErrorResponse } from '@sg/contracts/schemas';
import { ZodValidationPipe } from './zod-validation.pipe';

const valid = {
  submittedBy: 'victim',
  channel: 'web',
  ageBand: 'unknown',
  contentMadeUnder18: null,
  country: 'GB',
  selfHarm: 'prefer_not_to_say',
  immediateDanger: false,
  deadlineAt: null,
  demands: [],
  contentPosted: 'unknown',
  stillInContact: null,
  paid: null,
  platforms: [],
  contentUrls: [],
  contact: { channel: 'none', canMentionOrganisation: false },
  consent: { storeData: true, contactMe: false },
};

function errorsFor(body: unknown): ValidationErrorResponse['errors'] {
  try {
    new ZodValidationPipe(intakeRequestSchema).transform(body);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return validationErrorResponseSchema.parse(error.getResponse()).errors;
  }
  throw new Error('expected a validation error');
}

describe('ZodValidationPipe with the intake contract', () => {
  it('accepts a form where everything but consent was skipped', () => {
    expect(new ZodValidationPipe(intakeRequestSchema).transform(valid)).toMatchObject({ country: 'GB' });
  });

  it('says "is required" only for fields that are absent, and why for fields that are wrong', () => {
    const withoutAgeBand: Record<string, unknown> = { ...valid, immediateDanger: 'yes' };
    delete withoutAgeBand['ageBand'];
    expect(errorsFor(withoutAgeBand)).toEqual([
      { path: 'ageBand', message: 'is required', code: 'required' },
      { path: 'immediateDanger', message: 'must be true or false', code: 'invalid_type' },
    ]);
  });

  it('names nested fields by path', () => {
    const errors = errorsFor({ ...valid, platforms: [{ platform: 'Snapchat' }, { platform: 'X', profileUrl: 'javascript:alert(1)' }] });
    expect(errors).toEqual([{ path: 'platforms[1].profileUrl', message: 'must be a full web address starting with http:// or https://', code: 'custom' }]);
  });

  it('rejects unknown fields by name, at any depth', () => {
    expect(errorsFor({ ...valid, photo: 'data:image/png;base64,AAAA', contact: { ...valid.contact, nickname: 'x' } })).toEqual([
      { path: 'contact.nickname', message: 'is not a field we accept', code: 'unknown_field' },
      { path: 'photo', message: 'is not a field we accept', code: 'unknown_field' },
    ]);
  });

  it('refuses a submission without consent to store data', () => {
    expect(errorsFor({ ...valid, consent: { storeData: false, contactMe: false } })).toEqual([
      { path: 'consent.storeData', message: 'must be true: we cannot keep a case without your consent', code: 'invalid_value' },
    ]);
  });

  it.each([
    ['alias', { alias: 'x'.repeat(81) }, 'alias'],
    ['narrative', { narrative: 'x'.repeat(5001) }, 'narrative'],
    ['too many platforms', { platforms: Array.from({ length: 21 }, () => ({ platform: 'X' })) }, 'platforms'],
    ['too many links', { contentUrls: Array.from({ length: 51 }, (_, i) => `https://example.com/${i}`) }, 'contentUrls'],
    ['a lower-case country', { country: 'us' }, 'country'],
    ['a made-up country', { country: 'ZZ' }, 'country'],
    ['a date without a time zone', { deadlineAt: '2026-11-23T18:00:00' }, 'deadlineAt'],
    ['a repeated demand', { demands: ['money', 'money'] }, 'demands'],
    ['an email contact without an address', { contact: { channel: 'email', canMentionOrganisation: false } }, 'contact.value'],
    ['a bad email', { contact: { channel: 'email', value: 'nope', canMentionOrganisation: false } }, 'contact.value'],
    ['a bad phone number', { contact: { channel: 'sms', value: 'call me', canMentionOrganisation: false } }, 'contact.value'],
  ])('rejects %s', (_name, change, path) => {
    expect(errorsFor({ ...valid, ...change }).map((e) => e.path)).toEqual([path]);
  });
});
