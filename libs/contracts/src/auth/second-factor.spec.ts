import { secondFactorCodeSchema, secondFactorSignInSchema } from './second-factor';

describe('second-factor requests', () => {
  it('takes a 6-digit code as apps show it (with a space) and refuses anything else', () => {
    expect(secondFactorCodeSchema.parse({ code: '123 456' })).toEqual({ code: '123456' });
    for (const code of ['12345', '1234567', 'abcdef', '12345\u0000']) expect(secondFactorCodeSchema.safeParse({ code }).success).toBe(false);
  });

  it('takes a code or a recovery code with the challenge, not both and not neither', () => {
    expect(secondFactorSignInSchema.parse({ challengeToken: 't', recoveryCode: 'abcde-fghjk' })).toEqual({ challengeToken: 't', recoveryCode: 'ABCDEFGHJK' });
    expect(secondFactorSignInSchema.safeParse({ challengeToken: 't' }).success).toBe(false);
    expect(secondFactorSignInSchema.safeParse({ challengeToken: 't', code: '123456', recoveryCode: 'ABCDE-FGHJK' }).success).toBe(false);
    expect(secondFactorSignInSchema.safeParse({ challengeToken: 't', recoveryCode: 'too-short' }).success).toBe(false);
  });
});
