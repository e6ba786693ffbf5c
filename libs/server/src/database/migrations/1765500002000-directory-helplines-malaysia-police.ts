import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory entries added after the first install: the worldwide helpline directories (shown
 * where the directory has no crisis line for the person's country) and Malaysia's police routes
 * for scams and extortion. Frozen here, not read from the seed: a migration must mean the same
 * thing whenever it runs. An entry whose key exists (a fresh install seeds it) is left alone.
 */
const ENTRIES = [
  ['my-nsrc', 'MY', 'National Scam Response Centre (NSRC)', 'Call 997 as soon as money has been sent', null, 'reporting', ['financial'], 20],
  [
    'my-pdrm-ccid',
    'MY',
    'Royal Malaysia Police (PDRM), Commercial Crime Investigation Department',
    'Report at any police station; check an account on semakmule.rmp.gov.my',
    'https://semakmule.rmp.gov.my',
    'reporting',
    ['everyone'],
    30,
  ],
  [
    'any-find-a-helpline',
    'ANY',
    'Find A Helpline',
    'findahelpline.com lists free, confidential helplines in your country',
    'https://findahelpline.com',
    'crisis',
    ['everyone'],
    95,
  ],
  [
    'any-befrienders',
    'ANY',
    'Befrienders Worldwide',
    'befrienders.org finds an emotional support centre near you',
    'https://www.befrienders.org',
    'crisis',
    ['everyone'],
    96,
  ],
] as const;

export class DirectoryHelplinesMalaysiaPolice1765500002000 implements MigrationInterface {
  name = 'DirectoryHelplinesMalaysiaPolice1765500002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [key, jurisdiction, name, contact, url, purpose, audiences, sortOrder] of ENTRIES) {
      await queryRunner.query(
        `INSERT INTO resource_entry (key, jurisdiction, name, contact, url, purpose, audiences, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
        [key, jurisdiction, name, contact, url, purpose, audiences, sortOrder],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM resource_entry WHERE key = ANY($1)`, [ENTRIES.map(([key]) => key)]);
  }
}
