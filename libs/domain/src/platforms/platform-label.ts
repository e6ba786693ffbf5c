import { Translatable, translatable } from '../language/translatable';

/**
 * Platforms are free text (people name whatever app they were on), so the same app arrives as
 * "instagram", "Instagram " or "INSTAGRAM". Well-known names are shown as the companies write
 * them; anything else is shown as typed (trimmed): guessing at capitals could get a name wrong.
 */
const PLATFORM_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'Instagram',
    'Snapchat',
    'TikTok',
    'Facebook',
    'Messenger',
    'WhatsApp',
    'Discord',
    'X',
    'Twitter',
    'Telegram',
    'Kik',
    'Reddit',
    'YouTube',
    'Roblox',
    'Omegle',
    'WeChat',
    'LINE',
    'Viber',
    'Signal',
    'Skype',
    'Twitch',
    'Threads',
    'Bluesky',
    'Tinder',
    'Grindr',
    'Bumble',
    'Hinge',
    'OnlyFans',
    'Pornhub',
    'Google',
    'Bing',
    'LinkedIn',
    'Pinterest',
    'Tumblr',
    'Steam',
    'Xbox',
    'PlayStation',
    'Minecraft',
    'Fortnite',
    'Yubo',
    'Wizz',
    'iMessage',
    'Hoop',
    'Monkey',
    'Azar',
    'BeReal',
  ].map((name) => [name.toLowerCase(), name]),
);
const ALIASES: Readonly<Record<string, string>> = {
  ig: 'Instagram',
  insta: 'Instagram',
  fb: 'Facebook',
  'facebook messenger': 'Messenger',
  snap: 'Snapchat',
  'x (twitter)': 'X (Twitter)',
  'twitter / x': 'X (Twitter)',
  'x / twitter': 'X (Twitter)',
  'tik tok': 'TikTok',
  'you tube': 'YouTube',
  'whats app': 'WhatsApp',
};

/** "instagram" → "Instagram", "tiktok" → "TikTok"; an unknown name as typed. */
export function platformLabel(typed: string | null | undefined): string {
  const trimmed = (typed ?? '').trim().replace(/\s+/g, ' ');
  const key = trimmed.toLowerCase();
  return PLATFORM_NAMES[key] ?? ALIASES[key] ?? trimmed;
}

/**
 * A well-known platform's name ("instagram " → "Instagram"); null for anything else typed. For
 * figures that leave the organisation: free text could hold a name, a well-known brand cannot.
 */
export function knownPlatformName(typed: string | null | undefined): string | null {
  const key = (typed ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return PLATFORM_NAMES[key] ?? ALIASES[key] ?? null;
}

/**
 * Words people or the intake form use for "no app in particular": said in the reader's language
 * (`person.platforms.<key>`). The public form sends "Not sure" when the box is left empty.
 */
const GENERIC_PLATFORMS: Readonly<Record<string, GenericPlatform>> = {
  'not sure': 'not_sure',
  unknown: 'not_sure',
  "don't know": 'not_sure',
  'dont know': 'not_sure',
  'don’t know': 'not_sure',
  other: 'other',
  'something else': 'other',
  game: 'game',
  'a game': 'game',
  'online game': 'game',
  website: 'website',
  'a website': 'website',
  'web site': 'website',
  'text message': 'text_message',
  sms: 'text_message',
  text: 'text_message',
  email: 'email',
  'e-mail': 'email',
};
export const GENERIC_PLATFORM_KEYS = ['not_sure', 'other', 'game', 'website', 'text_message', 'email'] as const;
export type GenericPlatform = (typeof GENERIC_PLATFORM_KEYS)[number];

/**
 * A platform as words to show: a generic answer ("not sure", "a game") in the reader's language;
 * a named app as its name (`person.platforms.named`, which is just `{name}`: brand names and
 * whatever was typed are never translated).
 */
export function platformText(typed: string | null | undefined): Translatable {
  const label = platformLabel(typed);
  const generic = GENERIC_PLATFORMS[label.toLowerCase()];
  return generic ? translatable(`person.platforms.${generic}`) : translatable('person.platforms.named', { name: label });
}
