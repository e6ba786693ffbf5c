import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { present } from '@sg/domain';
import * as contracts from './index';
import * as schemas from './schemas';

/** The packages a file loads at run time, following its relative imports (type-only ones are erased). */
function runtimePackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
    const specifier = present(match[1], 'the import specifier');
    if (specifier.startsWith('.')) {
      for (const name of runtimePackages(resolve(dirname(file), `${specifier}.ts`), seen)) packages.add(name);
    } else {
      packages.add(specifier);
    }
  }
  return packages;
}

describe('the two entries of @sg/contracts', () => {
  it("keeps the person's schemas (public-schemas) free of the staff schemas' identifier rules and phone library", () => {
    const publicPackages = [...runtimePackages(resolve(__dirname, 'public-schemas.ts'))];
    expect(publicPackages).toContain('zod');
    expect(publicPackages).not.toContain('@sg/domain/identifiers');
    expect(publicPackages).not.toContain('libphonenumber-js');
    // The full entry does load them: otherwise the assertion above could not fail.
    expect([...runtimePackages(resolve(__dirname, 'schemas.ts'))]).toContain('@sg/domain/identifiers');
  });

  it('loads no zod from the main entry, so the web pays nothing for it', () => {
    const packages = runtimePackages(resolve(__dirname, 'index.ts'));
    expect([...packages]).not.toContain('zod');
    // The walker does see zod where it is: otherwise the assertion above could not fail.
    expect([...runtimePackages(resolve(__dirname, 'schemas.ts'))]).toContain('zod');
  });

  it('offers every value of the main entry from the schema entry too', () => {
    for (const name of Object.keys(contracts)) expect(schemas).toHaveProperty(name);
    expect(schemas.intakeRequestSchema).toBeDefined();
  });

  it('has the schemas read their limits from the limits the forms use', () => {
    const tooLong = 'x'.repeat(contracts.TEXT_LIMITS.note + 1);
    expect(schemas.caseNoteSchema.safeParse({ body: tooLong }).success).toBe(false);
    expect(schemas.caseNoteSchema.safeParse({ body: tooLong.slice(1) }).success).toBe(true);
  });
});
