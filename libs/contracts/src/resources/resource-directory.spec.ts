import { resourceEntryUpdateSchema, resourceEntryWriteSchema } from './resource-directory';

const entry = {
  key: 'xx-helpline',
  jurisdiction: 'GB',
  name: 'A helpline',
  contact: 'Call 0800 000 000',
  purpose: 'support',
  audiences: ['support'],
};

const urlProblem = (url: unknown) => {
  const result = resourceEntryWriteSchema.safeParse({ ...entry, url });
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === 'url')?.message;
};

describe('resource directory entries (admins write them; the public pages link to them)', () => {
  it('accepts an http(s) address, none, or null', () => {
    expect(urlProblem('https://www.samaritans.org')).toBeUndefined();
    expect(urlProblem('http://example.org/help')).toBeUndefined();
    expect(urlProblem(undefined)).toBeUndefined();
    expect(urlProblem(null)).toBeUndefined();
  });

  it('refuses any other scheme: a javascript: link would run in a visitor\'s browser', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:fetch("//x")', 'data:text/html,<script>1</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://example.org']) {
      expect(urlProblem(url)).toMatch(/http:\/\/ or https:\/\//);
    }
    expect(resourceEntryUpdateSchema.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
