import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every staff API must be provided inside the staff routes (their providers, or a staff
 * component's), where the HttpClient carries the staff session (authInterceptor). One provided in
 * root gets the app's bare HttpClient instead and every request it makes is refused with 401: the
 * retention page and the legal-hold tab once showed nothing for that.
 */
describe('the staff APIs', () => {
  const folder = __dirname;
  const staffFolder = join(folder, '..');
  const staffSources = readdirSync(staffFolder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => readFileSync(join(staffFolder, file), 'utf8'));
  const routes = readFileSync(join(staffFolder, 'staff.routes.ts'), 'utf8');
  const apis = readdirSync(folder)
    .filter((file) => file.endsWith('-api.ts'))
    .map((file) => ({ file, source: readFileSync(join(folder, file), 'utf8') }));

  it('are found', () => {
    expect(apis.map((api) => api.file)).toEqual(expect.arrayContaining(['retention-api.ts', 'cases-api.ts']));
  });

  it.each(apis.map((api) => [api.file, api.source]))('%s is provided inside the staff routes, not in root', (_file, source) => {
    expect(source).not.toMatch(/providedIn:\s*'root'/);
    const name = /export class (\w+Api)\b/.exec(source)?.[1] ?? 'no exported class';
    const inRoutes = new RegExp(`^\\s+${name},?$`, 'm').test(routes);
    const inComponent = staffSources.some((file) => new RegExp(`providers: \\[[^\\]]*\\b${name}\\b`).test(file));
    expect({ name, provided: inRoutes || inComponent }).toEqual({ name, provided: true });
  });
});
