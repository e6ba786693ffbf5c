import { takedownCreateSchema } from './takedowns';

describe('takedownCreateSchema', () => {
  const base = { platform: 'Instagram', channel: 'platform_form' as const };

  it('takes a URL, an account, or both', () => {
    expect(takedownCreateSchema.safeParse({ ...base, url: 'https://instagram.com/p/abc' }).success).toBe(true);
    expect(takedownCreateSchema.parse({ ...base, account: '  @threatener_01 ' }).account).toBe('@threatener_01');
    expect(takedownCreateSchema.safeParse({ ...base, url: 'https://instagram.com/p/abc', account: '@threatener_01' }).success).toBe(true);
  });

  it('refuses neither, naming the url field and the account alternative', () => {
    const result = takedownCreateSchema.safeParse(base);
    expect(result.success).toBe(false);
    const message: unknown = expect.stringMatching(/^or account is required/);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['url'], message })]);
  });

  it('refuses a blank account', () => {
    const result = takedownCreateSchema.safeParse({ ...base, account: '   ' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual(['account', 'must not be blank']);
  });
});
