/**
 * Platforms are free text (people name whatever app they were on), so the same app arrives as
 * "instagram", "Instagram " or "INSTAGRAM". Well-known names are shown as the companies write
 * them; anything else is shown as typed (trimmed): guessing at capitals could get a name wrong.
 */
const PLATFORM_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'Instagram', 'Snapchat', 'TikTok', 'Facebook', 'Messenger', 'WhatsApp', 'Discord', 'X', 'Twitter', 'Telegram', 'Kik',
    'Reddit', 'YouTube', 'Roblox', 'Omegle', 'WeChat', 'LINE', 'Viber', 'Signal', 'Skype', 'Twitch', 'Threads', 'Bluesky',
    'Tinder', 'Grindr', 'Bumble', 'Hinge', 'OnlyFans', 'Pornhub', 'Google', 'Bing', 'LinkedIn', 'Pinterest', 'Tumblr',
    'Steam', 'Xbox', 'PlayStation', 'Minecraft', 'Fortnite', 'Yubo', 'Wizz', 'iMessage', 'Hoop', 'Monkey', 'Azar', 'BeReal',
  ].map((name) => [name.toLowerCase(), name]),
);
const ALIASES: Readonly<Record<string, string>> = {
  ig: 'Instagram', insta: 'Instagram', fb: 'Facebook', 'facebook messenger': 'Messenger', snap: 'Snapchat',
  'x (twitter)': 'X (Twitter)', 'twitter / x': 'X (Twitter)', 'x / twitter': 'X (Twitter)', 'tik tok': 'TikTok', 'you tube': 'YouTube', 'whats app': 'WhatsApp',
};

/** "instagram" → "Instagram", "tiktok" → "TikTok"; an unknown name as typed. */
export function platformLabel(typed: string | null | undefined): string {
  const trimmed = (typed ?? '').trim().replace(/\s+/g, ' ');
  const key = trimmed.toLowerCase();
  return PLATFORM_NAMES[key] ?? ALIASES[key] ?? trimmed;
}
