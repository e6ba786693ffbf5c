import { ResourceEntry } from './resource-entry';

/**
 * The resource directory as first installed (from public guidance). Admins edit it afterwards;
 * the database copy is the one the product uses. `contact` is how people reach the service.
 */
export const RESOURCE_DIRECTORY_SEED: readonly ResourceEntry[] = [
  {
    key: 'us-ncmec-cybertipline',
    jurisdiction: 'US',
    name: 'NCMEC CyberTipline',
    contact: '1-800-843-5678',
    url: 'https://report.cybertip.org',
    purpose: 'reporting',
    audiences: ['minors'],
    sortOrder: 10,
  },
  {
    key: 'us-fbi',
    jurisdiction: 'US',
    name: 'FBI',
    contact: '1-800-CALL-FBI',
    url: 'https://tips.fbi.gov',
    purpose: 'reporting',
    audiences: ['everyone'],
    sortOrder: 20,
  },
  {
    key: 'us-ic3',
    jurisdiction: 'US',
    name: 'FBI Internet Crime Complaint Center (IC3)',
    contact: 'ic3.gov',
    url: 'https://www.ic3.gov',
    purpose: 'reporting',
    audiences: ['financial'],
    sortOrder: 30,
  },
  {
    key: 'us-hsi',
    jurisdiction: 'US',
    name: 'Homeland Security Investigations tip line',
    contact: '877-4-HSI-TIP',
    purpose: 'reporting',
    audiences: ['everyone'],
    sortOrder: 40,
  },
  {
    key: 'us-988',
    jurisdiction: 'US',
    name: '988 Suicide and Crisis Lifeline',
    contact: 'Call or text 988',
    url: 'https://988lifeline.org',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 10,
  },
  {
    key: 'us-crisis-text-line',
    jurisdiction: 'US',
    name: 'Crisis Text Line',
    contact: 'Text THORN to 741741',
    purpose: 'support',
    audiences: ['support'],
    sortOrder: 10,
  },
  {
    key: 'us-ccri',
    jurisdiction: 'US',
    name: 'Cyber Civil Rights Initiative',
    contact: 'cybercivilrights.org',
    url: 'https://cybercivilrights.org',
    purpose: 'legal',
    audiences: ['adults'],
    sortOrder: 10,
  },
  {
    key: 'my-cyber999',
    jurisdiction: 'MY',
    name: 'CyberSecurity Malaysia, Cyber999 Help Centre',
    contact: '1-300-88-2999 (business hours); SMS 019-266 5850 after hours',
    purpose: 'reporting',
    audiences: ['everyone'],
    sortOrder: 10,
  },
  {
    key: 'my-mhpss',
    jurisdiction: 'MY',
    name: 'Mental Health Psychosocial Support Service',
    contact: '03-2935 9935 / 014-322 3392',
    purpose: 'crisis',
    audiences: ['self_harm', 'support'],
    sortOrder: 20,
  },
  {
    key: 'my-talian-kasih',
    jurisdiction: 'MY',
    name: 'Talian Kasih',
    contact: '15999; WhatsApp 019-261 5999',
    purpose: 'support',
    audiences: ['support'],
    sortOrder: 10,
  },
  {
    key: 'my-befrienders-kl',
    jurisdiction: 'MY',
    name: 'Befrienders Kuala Lumpur',
    contact: '03-7627 2929',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 10,
  },
  {
    key: 'gb-action-fraud',
    jurisdiction: 'GB',
    name: 'Action Fraud',
    contact: 'actionfraud.police.uk',
    url: 'https://www.actionfraud.police.uk',
    purpose: 'reporting',
    audiences: ['everyone'],
    sortOrder: 20,
  },
  {
    key: 'gb-ceop',
    jurisdiction: 'GB',
    name: 'CEOP (National Crime Agency)',
    contact: 'ceop.police.uk',
    url: 'https://www.ceop.police.uk',
    purpose: 'reporting',
    audiences: ['minors'],
    sortOrder: 10,
  },
  {
    key: 'gb-report-remove',
    jurisdiction: 'GB',
    name: 'Report Remove (Childline and IWF)',
    contact: 'childline.org.uk',
    url: 'https://www.childline.org.uk',
    purpose: 'takedown',
    audiences: ['minors'],
    sortOrder: 10,
  },
  {
    key: 'any-take-it-down',
    jurisdiction: 'ANY',
    name: 'Take It Down (NCMEC)',
    contact: 'takeitdown.ncmec.org',
    url: 'https://takeitdown.ncmec.org',
    purpose: 'takedown',
    audiences: ['minors'],
    sortOrder: 10,
  },
  {
    key: 'any-stopncii',
    jurisdiction: 'ANY',
    name: 'StopNCII.org',
    contact: 'stopncii.org',
    url: 'https://stopncii.org',
    purpose: 'takedown',
    audiences: ['adults'],
    sortOrder: 20,
  },
  {
    key: 'us-emergency',
    jurisdiction: 'US',
    name: 'Emergency services',
    contact: 'Call 911 if you are in danger now',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 1,
  },
  {
    key: 'gb-emergency',
    jurisdiction: 'GB',
    name: 'Emergency services',
    contact: 'Call 999 if you are in danger now',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 1,
  },
  {
    key: 'gb-samaritans',
    jurisdiction: 'GB',
    name: 'Samaritans',
    contact: 'Call 116 123, free, day or night',
    url: 'https://www.samaritans.org',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 10,
  },
  {
    key: 'my-emergency',
    jurisdiction: 'MY',
    name: 'Emergency services',
    contact: 'Call 999 if you are in danger now',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 1,
  },
  {
    key: 'any-emergency',
    jurisdiction: 'ANY',
    name: 'Emergency services',
    contact: 'Call your local emergency number if you are in danger now',
    purpose: 'crisis',
    audiences: ['self_harm'],
    sortOrder: 90,
  },
  {
    key: 'my-nsrc',
    jurisdiction: 'MY',
    name: 'National Scam Response Centre (NSRC)',
    contact: 'Call 997 as soon as money has been sent',
    purpose: 'reporting',
    audiences: ['financial'],
    sortOrder: 20,
  },
  {
    key: 'my-pdrm-ccid',
    jurisdiction: 'MY',
    name: 'Royal Malaysia Police (PDRM), Commercial Crime Investigation Department',
    contact: 'Report at any police station; check an account on semakmule.rmp.gov.my',
    url: 'https://semakmule.rmp.gov.my',
    purpose: 'reporting',
    audiences: ['everyone'],
    sortOrder: 30,
  },
  // Shown only where the directory has no crisis line of the country's own (see selectResources).
  {
    key: 'any-find-a-helpline',
    jurisdiction: 'ANY',
    name: 'Find A Helpline',
    contact: 'findahelpline.com lists free, confidential helplines in your country',
    url: 'https://findahelpline.com',
    purpose: 'crisis',
    audiences: ['everyone'],
    sortOrder: 95,
  },
  {
    key: 'any-befrienders',
    jurisdiction: 'ANY',
    name: 'Befrienders Worldwide',
    contact: 'befrienders.org finds an emotional support centre near you',
    url: 'https://www.befrienders.org',
    purpose: 'crisis',
    audiences: ['everyone'],
    sortOrder: 96,
  },
  {
    key: 'any-local-police',
    jurisdiction: 'ANY',
    name: 'Local police',
    contact: 'Your local police station or non-emergency number',
    purpose: 'reporting',
    audiences: ['everyone'],
    sortOrder: 90,
  },
];

/** One person language's words for a seeded entry; `contact` only where the English one has words. */
export interface ResourceSeedText {
  name: string;
  description: string;
  whenToUse: string;
  contact?: string;
}

/** A seeded entry's texts: English (beside its name and contact above), Malay and Spanish. */
export interface ResourceSeedTexts {
  en: { description: string; whenToUse: string };
  ms: ResourceSeedText;
  es: ResourceSeedText;
}

const EMERGENCY = {
  en: { description: 'Police, ambulance and fire services.', whenToUse: 'If you are in danger right now, or might hurt yourself.' },
  ms: {
    name: 'Perkhidmatan kecemasan',
    description: 'Polis, ambulans dan bomba.',
    whenToUse: 'Jika anda dalam bahaya sekarang, atau mungkin mencederakan diri.',
  },
  es: { name: 'Servicios de emergencia', description: 'Policía, ambulancia y bomberos.', whenToUse: 'Si estás en peligro ahora mismo o podrías hacerte daño.' },
};

const FEEL_UNSAFE = {
  en: 'If you feel unsafe, overwhelmed, or are thinking about hurting yourself.',
  ms: 'Jika anda rasa tidak selamat, terlalu tertekan, atau terfikir untuk mencederakan diri.',
  es: 'Si no te sientes a salvo, si todo te supera, o si piensas en hacerte daño.',
};

/**
 * What each seeded entry is and when to use it, in every person language, written for a
 * frightened teenager. Services keep the names they give themselves; generic names ("Emergency
 * services") and contact lines with words are translated. Admins edit these afterwards.
 */
export const RESOURCE_DIRECTORY_SEED_TEXTS: Readonly<Record<string, ResourceSeedTexts>> = {
  'us-ncmec-cybertipline': {
    en: {
      description: 'A US service that takes reports when someone under 18 is being exploited online.',
      whenToUse: 'If someone is threatening to share sexual pictures of a person under 18.',
    },
    ms: {
      name: 'NCMEC CyberTipline',
      description: 'Perkhidmatan di Amerika Syarikat yang menerima laporan apabila seseorang bawah 18 tahun dianiaya dalam talian.',
      whenToUse: 'Jika seseorang mengugut untuk menyebarkan gambar seksual orang bawah 18 tahun.',
    },
    es: {
      name: 'NCMEC CyberTipline',
      description: 'Un servicio de Estados Unidos que recibe denuncias cuando alguien menor de 18 años sufre abuso en internet.',
      whenToUse: 'Si alguien amenaza con compartir fotos sexuales de una persona menor de 18 años.',
    },
  },
  'us-fbi': {
    en: {
      description: 'The US federal police. They investigate this kind of threat and can stop the person behind it.',
      whenToUse: 'To report the person threatening you, whatever your age.',
    },
    ms: {
      name: 'FBI',
      description: 'Polis persekutuan Amerika Syarikat. Mereka menyiasat ugutan seperti ini dan boleh menghentikan orang di sebaliknya.',
      whenToUse: 'Untuk melaporkan orang yang mengugut anda, tidak kira umur anda.',
    },
    es: {
      name: 'FBI',
      description: 'La policía federal de Estados Unidos. Investiga este tipo de amenazas y puede detener a quien está detrás.',
      whenToUse: 'Para denunciar a la persona que te amenaza, tengas la edad que tengas.',
    },
  },
  'us-ic3': {
    en: { description: "The FBI's place to report online crimes where money is involved.", whenToUse: 'If you were asked for money, or already paid.' },
    ms: {
      name: 'FBI Internet Crime Complaint Center (IC3)',
      description: 'Tempat FBI untuk melaporkan jenayah dalam talian yang melibatkan wang.',
      whenToUse: 'Jika anda diminta wang, atau sudah membayar.',
    },
    es: {
      name: 'FBI Internet Crime Complaint Center (IC3)',
      description: 'El lugar del FBI para denunciar delitos en internet donde hay dinero de por medio.',
      whenToUse: 'Si te pidieron dinero o ya pagaste.',
    },
  },
  'us-hsi': {
    en: {
      description: 'A US federal team that investigates crimes against children and threats online.',
      whenToUse: 'To report the person threatening you, especially if they may be in another country.',
    },
    ms: {
      name: 'Homeland Security Investigations tip line',
      description: 'Pasukan persekutuan Amerika Syarikat yang menyiasat jenayah terhadap kanak-kanak dan ugutan dalam talian.',
      whenToUse: 'Untuk melaporkan orang yang mengugut anda, terutama jika mereka mungkin berada di negara lain.',
    },
    es: {
      name: 'Homeland Security Investigations tip line',
      description: 'Un equipo federal de Estados Unidos que investiga delitos contra niños y amenazas en internet.',
      whenToUse: 'Para denunciar a quien te amenaza, sobre todo si puede estar en otro país.',
    },
  },
  'us-988': {
    en: { description: 'Free, private support from a trained person, any time, day or night.', whenToUse: FEEL_UNSAFE.en },
    ms: {
      name: '988 Suicide and Crisis Lifeline',
      contact: 'Telefon atau SMS 988',
      description: 'Sokongan percuma dan sulit daripada orang terlatih, bila-bila masa, siang atau malam.',
      whenToUse: FEEL_UNSAFE.ms,
    },
    es: {
      name: '988 Suicide and Crisis Lifeline',
      contact: 'Llama o envía un mensaje al 988',
      description: 'Apoyo gratis y privado de una persona preparada, a cualquier hora, de día o de noche.',
      whenToUse: FEEL_UNSAFE.es,
    },
  },
  'us-crisis-text-line': {
    en: {
      description: 'Talk by text message with a trained volunteer. Free, any time.',
      whenToUse: 'If you want to talk to someone but would rather type than call.',
    },
    ms: {
      name: 'Crisis Text Line',
      contact: 'Hantar SMS THORN ke 741741',
      description: 'Berbual melalui SMS dengan sukarelawan terlatih. Percuma, bila-bila masa.',
      whenToUse: 'Jika anda mahu bercakap dengan seseorang tetapi lebih suka menaip daripada menelefon.',
    },
    es: {
      name: 'Crisis Text Line',
      contact: 'Envía THORN al 741741',
      description: 'Habla por mensaje de texto con una persona voluntaria preparada. Gratis, a cualquier hora.',
      whenToUse: 'Si quieres hablar con alguien pero prefieres escribir en vez de llamar.',
    },
  },
  'us-ccri': {
    en: {
      description: 'Help and legal information for adults whose intimate pictures are shared, or who are threatened with that.',
      whenToUse: 'If you are 18 or over and want to know your rights.',
    },
    ms: {
      name: 'Cyber Civil Rights Initiative',
      description: 'Bantuan dan maklumat undang-undang untuk orang dewasa yang gambar intimnya disebarkan, atau diugut akan disebarkan.',
      whenToUse: 'Jika anda berumur 18 tahun ke atas dan mahu tahu hak anda.',
    },
    es: {
      name: 'Cyber Civil Rights Initiative',
      description: 'Ayuda e información legal para personas adultas cuyas fotos íntimas se compartieron, o a las que amenazan con hacerlo.',
      whenToUse: 'Si tienes 18 años o más y quieres conocer tus derechos.',
    },
  },
  'my-cyber999': {
    en: {
      description: "Malaysia's help centre for threats, scams and harassment online.",
      whenToUse: 'To report what is happening online in Malaysia and get advice.',
    },
    ms: {
      name: 'CyberSecurity Malaysia, Pusat Bantuan Cyber999',
      contact: '1-300-88-2999 (waktu pejabat); SMS 019-266 5850 selepas waktu pejabat',
      description: 'Pusat bantuan Malaysia untuk ugutan, penipuan dan gangguan dalam talian.',
      whenToUse: 'Untuk melaporkan apa yang berlaku dalam talian di Malaysia dan mendapatkan nasihat.',
    },
    es: {
      name: 'CyberSecurity Malaysia, Cyber999 Help Centre',
      contact: '1-300-88-2999 (horario de oficina); SMS 019-266 5850 fuera de ese horario',
      description: 'El centro de ayuda de Malasia para amenazas, estafas y acoso en internet.',
      whenToUse: 'Para denunciar lo que pasa en internet en Malasia y recibir consejos.',
    },
  },
  'my-mhpss': {
    en: {
      description: 'Free emotional support from trained counsellors in Malaysia.',
      whenToUse: 'If you feel unsafe, overwhelmed or alone, or need someone to talk to.',
    },
    ms: {
      name: 'Perkhidmatan Sokongan Psikososial Kesihatan Mental',
      description: 'Sokongan emosi percuma daripada kaunselor terlatih di Malaysia.',
      whenToUse: 'Jika anda rasa tidak selamat, terlalu tertekan atau keseorangan, atau perlukan seseorang untuk berbual.',
    },
    es: {
      name: 'Mental Health Psychosocial Support Service',
      description: 'Apoyo emocional gratis de consejeros preparados en Malasia.',
      whenToUse: 'Si no te sientes a salvo, si todo te supera o te sientes solo, o si necesitas hablar con alguien.',
    },
  },
  'my-talian-kasih': {
    en: {
      description: 'A government helpline for children, families and anyone facing abuse or violence.',
      whenToUse: 'If you need someone to talk to, or help to stay safe.',
    },
    ms: {
      name: 'Talian Kasih',
      description: 'Talian bantuan kerajaan untuk kanak-kanak, keluarga dan sesiapa yang menghadapi penderaan atau keganasan.',
      whenToUse: 'Jika anda perlukan seseorang untuk berbual, atau bantuan untuk kekal selamat.',
    },
    es: {
      name: 'Talian Kasih',
      description: 'Una línea de ayuda del gobierno para niños, familias y cualquier persona que sufre abuso o violencia.',
      whenToUse: 'Si necesitas hablar con alguien o ayuda para estar a salvo.',
    },
  },
  'my-befrienders-kl': {
    en: { description: 'Someone to listen, free and confidential, 24 hours a day.', whenToUse: FEEL_UNSAFE.en },
    ms: { name: 'Befrienders Kuala Lumpur', description: 'Seseorang yang sedia mendengar, percuma dan sulit, 24 jam sehari.', whenToUse: FEEL_UNSAFE.ms },
    es: { name: 'Befrienders Kuala Lumpur', description: 'Alguien que te escucha, gratis y en confianza, las 24 horas del día.', whenToUse: FEEL_UNSAFE.es },
  },
  'gb-action-fraud': {
    en: {
      description: "The UK's place to report fraud and crime online, blackmail included.",
      whenToUse: 'To report the person threatening you, especially if they asked for money.',
    },
    ms: {
      name: 'Action Fraud',
      description: 'Tempat di UK untuk melaporkan penipuan dan jenayah dalam talian, termasuk peras ugut.',
      whenToUse: 'Untuk melaporkan orang yang mengugut anda, terutama jika mereka meminta wang.',
    },
    es: {
      name: 'Action Fraud',
      description: 'El lugar del Reino Unido para denunciar fraudes y delitos en internet, también el chantaje.',
      whenToUse: 'Para denunciar a quien te amenaza, sobre todo si te pidió dinero.',
    },
  },
  'gb-ceop': {
    en: {
      description: 'Part of the UK police that keeps children and young people safe online.',
      whenToUse: 'If you are under 18 and someone is threatening you or asking for sexual pictures.',
    },
    ms: {
      name: 'CEOP (National Crime Agency)',
      description: 'Sebahagian daripada polis UK yang menjaga keselamatan kanak-kanak dan remaja dalam talian.',
      whenToUse: 'Jika anda bawah 18 tahun dan seseorang mengugut anda atau meminta gambar seksual.',
    },
    es: {
      name: 'CEOP (National Crime Agency)',
      description: 'Una parte de la policía del Reino Unido que protege a niños y jóvenes en internet.',
      whenToUse: 'Si tienes menos de 18 años y alguien te amenaza o te pide fotos sexuales.',
    },
  },
  'gb-report-remove': {
    en: {
      description: 'A free tool to get sexual pictures or videos of you removed from the internet.',
      whenToUse: 'If you are under 18 and a picture or video of you has been shared, or might be.',
    },
    ms: {
      name: 'Report Remove (Childline and IWF)',
      description: 'Alat percuma untuk membuang gambar atau video seksual anda dari internet.',
      whenToUse: 'Jika anda bawah 18 tahun dan gambar atau video anda telah disebarkan, atau mungkin akan disebarkan.',
    },
    es: {
      name: 'Report Remove (Childline and IWF)',
      description: 'Una herramienta gratis para quitar de internet fotos o videos sexuales tuyos.',
      whenToUse: 'Si tienes menos de 18 años y alguien compartió una foto o un video tuyo, o podría hacerlo.',
    },
  },
  'any-take-it-down': {
    en: {
      description: 'A free service that helps stop sexual pictures taken before you turned 18 from being posted. Your pictures never leave your phone.',
      whenToUse: 'If someone has, or says they have, sexual pictures of you from before you were 18.',
    },
    ms: {
      name: 'Take It Down (NCMEC)',
      description:
        'Perkhidmatan percuma yang membantu menghalang gambar seksual yang diambil sebelum anda berumur 18 tahun daripada disiarkan. Gambar anda tidak pernah keluar dari telefon anda.',
      whenToUse: 'Jika seseorang ada, atau kata mereka ada, gambar seksual anda dari sebelum anda berumur 18 tahun.',
    },
    es: {
      name: 'Take It Down (NCMEC)',
      description:
        'Un servicio gratis que ayuda a evitar que se publiquen fotos sexuales tomadas antes de que cumplieras 18 años. Tus fotos nunca salen de tu teléfono.',
      whenToUse: 'Si alguien tiene, o dice que tiene, fotos sexuales tuyas de cuando tenías menos de 18 años.',
    },
  },
  'any-stopncii': {
    en: {
      description: 'A free tool that helps stop intimate pictures of adults being shared on big platforms. Your pictures stay on your device.',
      whenToUse: 'If you are 18 or over and someone threatens to share intimate pictures of you.',
    },
    ms: {
      name: 'StopNCII.org',
      description: 'Alat percuma yang membantu menghalang gambar intim orang dewasa daripada dikongsi di platform besar. Gambar anda kekal dalam peranti anda.',
      whenToUse: 'Jika anda berumur 18 tahun ke atas dan seseorang mengugut untuk menyebarkan gambar intim anda.',
    },
    es: {
      name: 'StopNCII.org',
      description:
        'Una herramienta gratis que ayuda a evitar que se compartan fotos íntimas de personas adultas en las grandes plataformas. Tus fotos se quedan en tu dispositivo.',
      whenToUse: 'Si tienes 18 años o más y alguien amenaza con compartir fotos íntimas tuyas.',
    },
  },
  'us-emergency': {
    en: EMERGENCY.en,
    ms: { ...EMERGENCY.ms, contact: 'Hubungi 911 jika anda dalam bahaya sekarang' },
    es: { ...EMERGENCY.es, contact: 'Llama al 911 si estás en peligro ahora' },
  },
  'gb-emergency': {
    en: EMERGENCY.en,
    ms: { ...EMERGENCY.ms, contact: 'Hubungi 999 jika anda dalam bahaya sekarang' },
    es: { ...EMERGENCY.es, contact: 'Llama al 999 si estás en peligro ahora' },
  },
  'my-emergency': {
    en: EMERGENCY.en,
    ms: { ...EMERGENCY.ms, contact: 'Hubungi 999 jika anda dalam bahaya sekarang' },
    es: { ...EMERGENCY.es, contact: 'Llama al 999 si estás en peligro ahora' },
  },
  'any-emergency': {
    en: EMERGENCY.en,
    ms: { ...EMERGENCY.ms, contact: 'Hubungi nombor kecemasan tempatan anda jika anda dalam bahaya sekarang' },
    es: { ...EMERGENCY.es, contact: 'Llama al número de emergencias de tu país si estás en peligro ahora' },
  },
  'gb-samaritans': {
    en: { description: 'Someone to listen, whatever you are going through. Free and confidential.', whenToUse: FEEL_UNSAFE.en },
    ms: {
      name: 'Samaritans',
      contact: 'Hubungi 116 123, percuma, siang atau malam',
      description: 'Seseorang yang sedia mendengar, apa pun yang anda lalui. Percuma dan sulit.',
      whenToUse: FEEL_UNSAFE.ms,
    },
    es: {
      name: 'Samaritans',
      contact: 'Llama al 116 123, gratis, de día o de noche',
      description: 'Alguien que te escucha, pase lo que pase. Gratis y en confianza.',
      whenToUse: FEEL_UNSAFE.es,
    },
  },
  'my-nsrc': {
    en: {
      description: "Malaysia's hotline to stop money sent to scammers, if you call fast enough.",
      whenToUse: 'If you or someone else sent money to the person threatening you.',
    },
    ms: {
      name: 'Pusat Respons Scam Kebangsaan (NSRC)',
      contact: 'Hubungi 997 sebaik sahaja wang dihantar',
      description: 'Talian Malaysia untuk menyekat wang yang dihantar kepada penipu, jika anda menelefon dengan cepat.',
      whenToUse: 'Jika anda atau orang lain sudah menghantar wang kepada orang yang mengugut anda.',
    },
    es: {
      name: 'National Scam Response Centre (NSRC)',
      contact: 'Llama al 997 en cuanto se haya enviado el dinero',
      description: 'La línea de Malasia para frenar el dinero enviado a estafadores, si llamas rápido.',
      whenToUse: 'Si tú u otra persona le enviaron dinero a quien te amenaza.',
    },
  },
  'my-pdrm-ccid': {
    en: {
      description: 'The Malaysian police team for scams and blackmail.',
      whenToUse: 'To make a police report, or to check a bank account someone asked you to pay into.',
    },
    ms: {
      name: 'Polis Diraja Malaysia (PDRM), Jabatan Siasatan Jenayah Komersial',
      contact: 'Buat laporan di mana-mana balai polis; semak akaun di semakmule.rmp.gov.my',
      description: 'Pasukan polis Malaysia untuk penipuan dan peras ugut.',
      whenToUse: 'Untuk membuat laporan polis, atau menyemak akaun bank yang anda diminta bayar.',
    },
    es: {
      name: 'Royal Malaysia Police (PDRM), Commercial Crime Investigation Department',
      contact: 'Denuncia en cualquier comisaría; revisa una cuenta en semakmule.rmp.gov.my',
      description: 'El equipo de la policía de Malasia para estafas y chantajes.',
      whenToUse: 'Para denunciar a la policía, o para revisar una cuenta bancaria a la que te pidieron pagar.',
    },
  },
  'any-find-a-helpline': {
    en: {
      description: 'A list of free, confidential helplines around the world.',
      whenToUse: 'If you need someone to talk to and do not know a helpline in your country.',
    },
    ms: {
      name: 'Find A Helpline',
      contact: 'findahelpline.com menyenaraikan talian bantuan percuma dan sulit di negara anda',
      description: 'Senarai talian bantuan percuma dan sulit di seluruh dunia.',
      whenToUse: 'Jika anda perlukan seseorang untuk berbual dan tidak tahu talian bantuan di negara anda.',
    },
    es: {
      name: 'Find A Helpline',
      contact: 'findahelpline.com reúne líneas de ayuda gratis y confidenciales de tu país',
      description: 'Una lista de líneas de ayuda gratis y confidenciales en todo el mundo.',
      whenToUse: 'Si necesitas hablar con alguien y no conoces una línea de ayuda en tu país.',
    },
  },
  'any-befrienders': {
    en: {
      description: 'Emotional support centres in many countries, where someone will listen.',
      whenToUse: 'If you feel alone or overwhelmed and want to talk to someone near you.',
    },
    ms: {
      name: 'Befrienders Worldwide',
      contact: 'befrienders.org mencari pusat sokongan emosi berhampiran anda',
      description: 'Pusat sokongan emosi di banyak negara, tempat seseorang akan mendengar anda.',
      whenToUse: 'Jika anda rasa keseorangan atau terlalu tertekan dan mahu berbual dengan seseorang berhampiran anda.',
    },
    es: {
      name: 'Befrienders Worldwide',
      contact: 'befrienders.org encuentra un centro de apoyo emocional cerca de ti',
      description: 'Centros de apoyo emocional en muchos países, donde alguien te escucha.',
      whenToUse: 'Si te sientes solo o todo te supera, y quieres hablar con alguien cerca de ti.',
    },
  },
  'any-local-police': {
    en: {
      description: 'The police where you live. This is a crime, and you are not in trouble for reporting it.',
      whenToUse: 'To report the person threatening you.',
    },
    ms: {
      name: 'Polis tempatan',
      contact: 'Balai polis berhampiran anda atau nombor polis bukan kecemasan',
      description: 'Polis di tempat anda tinggal. Ini satu jenayah, dan anda tidak bersalah kerana melaporkannya.',
      whenToUse: 'Untuk melaporkan orang yang mengugut anda.',
    },
    es: {
      name: 'Policía local',
      contact: 'Tu comisaría más cercana o el número de la policía que no es de emergencias',
      description: 'La policía de donde vives. Esto es un delito, y no te vas a meter en problemas por denunciarlo.',
      whenToUse: 'Para denunciar a la persona que te amenaza.',
    },
  },
};
