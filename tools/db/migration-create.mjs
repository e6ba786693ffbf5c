#!/usr/bin/env node
// `npm run migration:create -- AddFollowUps`: a new, empty, timestamped migration beside the
// others. Migrations here are hand-written SQL, reviewed like code; register the new class in
// libs/server/src/database/migrations/index.ts (the bundled apps cannot glob for them).
import { existsSync, writeFileSync } from 'node:fs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:create -- PascalCaseName');
  process.exit(2);
}
const timestamp = Date.now();
const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const file = `libs/server/src/database/migrations/${timestamp}-${kebab}.ts`;
if (existsSync(file)) throw new Error(`${file} exists`);
writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`\`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`\`);
  }
}
`,
);
console.log(`Created ${file}\nNow add ${name}${timestamp} to libs/server/src/database/migrations/index.ts`);
