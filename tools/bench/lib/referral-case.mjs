// One realistically grown case for the referral packet's bench and screenshot (see seedReferralCase).
import { createHash, randomBytes } from 'node:crypto';

const LATIN_PLATFORMS = [
  { platform: 'Instagram', offenderHandle: '@сергей_77', profileUrl: 'https://instagram.com/sergei.x77' },
  { platform: 'Snapchat', offenderHandle: '@emma.lux2009', profileUrl: 'https://snapchat.com/add/emma.lux2009' },
  { platform: 'Discord', offenderHandle: 'darkrider#4410', profileUrl: 'https://discord.com/users/880011223344556677' },
];
/** The same case with handles in scripts DejaVu Sans lacks (Chinese, Korean, Thai) and one in Arabic: the packet's fallback fonts at work. */
export const MIXED_SCRIPT_PLATFORMS = [
  { platform: 'WeChat', offenderHandle: '@王小明_88', profileUrl: 'https://weixin.qq.com/u/wxm88' },
  { platform: 'KakaoTalk', offenderHandle: '@김민준.x', profileUrl: 'https://open.kakao.com/o/kmj0x' },
  { platform: 'LINE', offenderHandle: '@สมชาย99', profileUrl: 'https://line.me/ti/p/somchai99' },
  { platform: 'Snapchat', offenderHandle: '@مراد', profileUrl: 'https://snapchat.com/add/murad.x' },
];
const THREATS = [
  'Says he will send the pictures to every follower unless paid within the hour',
  'Sent a screenshot of the school friends list with the message "they all get it at 9pm"',
  'Demanded another payment after the first one, now asking for gift cards',
  'Threatened to post on the school page and tag the family',
  "Sent a countdown message and a collage of the victim's followers",
  'New account messaged after the old one was blocked, same wording',
];
const sha = (text) => createHash('sha256').update(text).digest('hex');
const btc = ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'];
const eth = '0x52908400098527886E0F7030069857D2E4169EE7';

/**
 * Seeds one case the way a long financial-sextortion case grows, through the API (so its
 * timeline, identifier index and audit rows are the product's own). Shared by the packet's bench
 * and its screenshot. Answers the case's id and reference and a caseworker's token.
 */
export async function seedReferralCase(apiUrl, password, counts) {
  const { evidence: evidenceCount, takedowns: takedownCount, reports: reportCount } = counts;
  const PLATFORMS = counts.platforms ?? LATIN_PLATFORMS;
  const json = async (method, path, token, body) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const login = async (email) => (await json('POST', '/api/auth/login', null, { email, password })).accessToken;
  const caseworker = await login('caseworker@demo.test');
  const supervisor = await login('supervisor@demo.test');

  const intake = await json('POST', '/api/intakes', null, {
    submittedBy: 'parent_or_guardian',
    channel: 'web',
    ageBand: '13_17',
    contentMadeUnder18: true,
    country: 'MY',
    selfHarm: 'thoughts',
    immediateDanger: false,
    deadlineAt: new Date(Date.now() + 20 * 3600_000).toISOString(),
    demands: ['money', 'more_images'],
    contentPosted: 'unknown',
    stillInContact: true,
    paid: true,
    platforms: PLATFORMS,
    contentUrls: ['https://example-leaks.net/p/88123', 'https://instagram.com/p/Cx19aa2LmQ'],
    narrative:
      'My son (15) was contacted on Instagram by someone posing as a girl from another school. After he sent pictures the account demanded money, then moved the conversation to Snapchat and Discord. He paid twice by bank transfer and once with gift cards. New accounts keep appearing.',
    contact: { channel: 'email', value: 'parent.bench@example.com', safeTimes: 'weekday evenings', canMentionOrganisation: true },
    consent: { storeData: true, contactMe: true },
  });
  const [item] = (await json('GET', `/api/cases?queue=search&q=${encodeURIComponent(intake.reference)}`, caseworker)).items;
  const caseId = item.id;
  await json('POST', `/api/cases/${caseId}/claim`, caseworker);

  const start = Date.now() - 14 * 24 * 3600_000;
  for (let i = 0; i < evidenceCount; i += 1) {
    const p = PLATFORMS[i % PLATFORMS.length];
    const seenAt = new Date(start + i * ((13 * 24 * 3600_000) / evidenceCount)).toISOString();
    const kind = ['threat_message', 'offender_account', 'payment', 'threat_message', 'content_location'][i % 5];
    const body = { kind, platform: p.platform, description: `${THREATS[i % THREATS.length]} (entry ${i + 1})`, seenAt };
    if (kind === 'threat_message') Object.assign(body, { sha256: sha(`screenshot-${i}`), fileName: `threat-${String(i + 1).padStart(3, '0')}.png` });
    if (kind === 'offender_account')
      Object.assign(body, { offenderHandle: `${p.offenderHandle}${i > 30 ? `_${i}` : ''}`, profileUrl: `${p.profileUrl}${i > 30 ? `_${i}` : ''}` });
    if (kind === 'payment') {
      const identifiers = [{ kind: 'transaction_id', value: `TXN-${100000 + i}` }];
      if (i % 3 === 0) identifiers.push({ kind: 'crypto_wallet', value: i % 2 ? eth : btc[i % btc.length] });
      if (i % 4 === 2) identifiers.push({ kind: 'gift_card', value: `GC${randomBytes(6).toString('hex').toUpperCase()}` });
      Object.assign(body, { paymentReference: `Bank transfer ref ${900000 + i}`, identifiers });
    }
    if (kind === 'content_location') Object.assign(body, { profileUrl: `https://example-leaks.net/p/${88000 + i}` });
    await json('POST', `/api/cases/${caseId}/evidence`, caseworker, body);
    if (i % 10 === 9) await json('POST', `/api/cases/${caseId}/notes`, caseworker, { body: `Called the parent; agreed next steps after entry ${i + 1}.` });
  }

  const channels = ['platform_form', 'take_it_down', 'platform_form', 'search_delisting', 'hosting_provider'];
  for (let i = 0; i < takedownCount; i += 1) {
    const p = PLATFORMS[i % PLATFORMS.length];
    const target = i % 2 ? { account: `${p.offenderHandle}_${i}` } : { url: `https://example-leaks.net/p/${77000 + i}` };
    const takedown = await json('POST', `/api/cases/${caseId}/takedowns`, caseworker, {
      platform: p.platform,
      channel: channels[i % channels.length],
      ...target,
    });
    await json('PATCH', `/api/takedowns/${takedown.id}`, caseworker, {
      status: 'submitted',
      ticketNumber: `${p.platform.slice(0, 2).toUpperCase()}-${550000 + i}`,
    });
    if (i % 3 !== 2) await json('PATCH', `/api/takedowns/${takedown.id}`, caseworker, { status: 'acknowledged' });
    if (i % 3 === 0) await json('PATCH', `/api/takedowns/${takedown.id}`, caseworker, { status: 'removed' });
  }
  const agencies = [
    ['police', 'Polis Diraja Malaysia, Bukit Aman CCID'],
    ['cybercrime_unit', 'CyberSecurity Malaysia, Cyber999'],
    ['cybertipline', 'NCMEC CyberTipline'],
    ['platform', 'Meta law-enforcement response team'],
    ['platform', 'Snap trust & safety'],
  ];
  for (let i = 0; i < reportCount; i += 1) {
    const [agencyKind, agencyName] = agencies[i % agencies.length];
    const report = await json('POST', `/api/cases/${caseId}/reports`, caseworker, {
      agencyKind,
      agencyName,
      filedAt: new Date(start + i * 86_400_000).toISOString(),
    });
    await json('PATCH', `/api/reports/${report.id}`, caseworker, { referenceNumber: `REF-${agencyKind.toUpperCase()}-2026-${String(4400 + i)}` });
    if (i % 2 === 0) await json('PATCH', `/api/reports/${report.id}`, caseworker, { status: 'acknowledged' });
  }
  for (const status of ['waiting', 'in_progress', 'waiting', 'in_progress']) {
    const detail = await json('GET', `/api/cases/${caseId}`, caseworker);
    await json('PATCH', `/api/cases/${caseId}`, caseworker, { version: detail.version, status });
  }
  return { caseId, reference: intake.reference, caseworker, supervisor };
}
