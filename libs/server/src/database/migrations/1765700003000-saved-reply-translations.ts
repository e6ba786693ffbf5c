import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A saved reply in every person language, so a caseworker writing to someone who reads Malay or
 * Spanish starts from the team's reviewed words in that language. English stays in the reply's
 * own columns (title, body); the other languages sit beside them in one `translations` object,
 * `{ ms: { title, body }, es: {...} }`, a missing field meaning "use the English one" (the admin
 * page flags it). A jsonb column for the same reasons as the resource directory's
 * (1765700001000-resource-translations.ts): every read wants all languages at once, and an
 * admin's save is one UPDATE audited whole.
 *
 * The three seeded replies get their texts here, written like the English ones for a frightened
 * teenager, with the placeholders kept as they are. Only a reply still word for word as seeded
 * and without any translation is filled: words an admin wrote or changed are never replaced.
 */
const SEEDED_TRANSLATIONS: ReadonlyArray<{ en: { title: string; body: string }; ms: { title: string; body: string }; es: { title: string; body: string } }> = [
  {
    en: {
      title: 'We have your report',
      body: 'Hi, this is the support team. We have read what you sent us. You did the right thing by asking for help, and you are not in trouble.\n\nWe are working on your case now. Your next step is: {{next_step}}\n\nYou can write to us here at any time.',
    },
    ms: {
      title: 'Kami sudah terima laporan anda',
      body: 'Hai, ini pasukan sokongan. Kami sudah baca apa yang anda hantar. Anda buat perkara yang betul dengan meminta bantuan, dan anda tidak bersalah.\n\nKami sedang uruskan kes anda sekarang. Langkah anda yang seterusnya: {{next_step}}\n\nAnda boleh tulis kepada kami di sini pada bila-bila masa.',
    },
    es: {
      title: 'Ya tenemos tu reporte',
      body: 'Hola, somos el equipo de apoyo. Leímos lo que nos enviaste. Hiciste bien en pedir ayuda, y no estás en problemas.\n\nYa estamos trabajando en tu caso. Tu siguiente paso es: {{next_step}}\n\nPuedes escribirnos aquí cuando quieras.',
    },
  },
  {
    en: {
      title: "Please don't pay",
      body: 'Please do not pay them and do not send anything more. Paying almost never makes them stop, and they often ask for more.\n\nStop replying to them, but do not delete the chat yet: it is evidence. If you can, take screenshots of their profile and messages.\n\nWe are here with you.',
    },
    ms: {
      title: 'Tolong jangan bayar',
      body: 'Tolong jangan bayar mereka dan jangan hantar apa-apa lagi. Membayar hampir tidak pernah membuat mereka berhenti, dan selalunya mereka minta lebih.\n\nBerhenti membalas mesej mereka, tetapi jangan padam perbualan itu dulu: ia adalah bukti. Jika boleh, ambil tangkapan skrin profil dan mesej mereka.\n\nKami ada bersama anda.',
    },
    es: {
      title: 'Por favor, no pagues',
      body: 'Por favor, no les pagues y no les mandes nada más. Pagar casi nunca hace que se detengan, y muchas veces piden más.\n\nDeja de responderles, pero todavía no borres el chat: es una prueba. Si puedes, toma capturas de pantalla de su perfil y de sus mensajes.\n\nEstamos aquí contigo.',
    },
  },
  {
    en: {
      title: 'How to use Take It Down',
      body: 'If you were under 18 in the pictures, Take It Down (takeitdown.ncmec.org) can help stop them being shared on many apps. It works on your own phone or computer: the pictures never leave your device and nobody sees them.\n\nIf you want, we can go through it with you step by step. Just reply here.',
    },
    ms: {
      title: 'Cara guna Take It Down',
      body: 'Jika anda berumur bawah 18 tahun dalam gambar itu, Take It Down (takeitdown.ncmec.org) boleh bantu supaya gambar itu tidak dikongsi di banyak aplikasi. Ia berfungsi di telefon atau komputer anda sendiri: gambar itu tidak pernah keluar dari peranti anda dan tiada sesiapa yang melihatnya.\n\nJika anda mahu, kami boleh buat bersama anda, langkah demi langkah. Balas sahaja di sini.',
    },
    es: {
      title: 'Cómo usar Take It Down',
      body: 'Si tenías menos de 18 años en las fotos, Take It Down (takeitdown.ncmec.org) puede ayudar a que no se compartan en muchas apps. Funciona en tu propio teléfono o computadora: las fotos nunca salen de tu dispositivo y nadie las ve.\n\nSi quieres, podemos hacerlo contigo paso a paso. Solo responde aquí.',
    },
  },
];

export class SavedReplyTranslations1765700003000 implements MigrationInterface {
  name = 'SavedReplyTranslations1765700003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE saved_reply ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`);
    for (const reply of SEEDED_TRANSLATIONS) {
      await queryRunner.query(`UPDATE saved_reply SET translations = $3 WHERE title = $1 AND body = $2 AND translations = '{}'`, [
        reply.en.title,
        reply.en.body,
        JSON.stringify({ ms: reply.ms, es: reply.es }),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE saved_reply DROP COLUMN translations`);
  }
}
