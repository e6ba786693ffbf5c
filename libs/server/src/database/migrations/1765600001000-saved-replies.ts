import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved replies, with three to start from. They are written for a frightened teenager (short
 * sentences, no blame, what to do next) and should still be reviewed by the organisation, in its
 * own voice, before going live (README: "Before going live").
 */
const SEEDED: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: 'We have your report',
    body: 'Hi, this is the support team. We have read what you sent us. You did the right thing by asking for help, and you are not in trouble.\n\nWe are working on your case now. Your next step is: {{next_step}}\n\nYou can write to us here at any time.',
  },
  {
    title: "Please don't pay",
    body: 'Please do not pay them and do not send anything more. Paying almost never makes them stop, and they often ask for more.\n\nStop replying to them, but do not delete the chat yet: it is evidence. If you can, take screenshots of their profile and messages.\n\nWe are here with you.',
  },
  {
    title: 'How to use Take It Down',
    body: 'If you were under 18 in the pictures, Take It Down (takeitdown.ncmec.org) can help stop them being shared on many apps. It works on your own phone or computer: the pictures never leave your device and nobody sees them.\n\nIf you want, we can go through it with you step by step. Just reply here.',
  },
];

export class SavedReplies1765600001000 implements MigrationInterface {
  name = 'SavedReplies1765600001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE saved_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        body text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid CONSTRAINT saved_reply_updated_by_fkey REFERENCES staff_user(id) ON DELETE SET NULL
      )`);
    for (const reply of SEEDED) await queryRunner.query(`INSERT INTO saved_reply (title, body) VALUES ($1, $2)`, [reply.title, reply.body]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE saved_reply`);
  }
}
