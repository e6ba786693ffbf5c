/**
 * Messages are plain text and the product never takes media. A person (or a caseworker) who pastes
 * a link that looks like it points at a picture or video gets a gentle warning before sending, not
 * a refusal: the link may be the offender's profile, and a frightened person must not be scolded.
 */
const MEDIA_EXTENSION = /\.(jpe?g|png|gif|webp|heic|heif|bmp|tiff?|mp4|mov|m4v|webm|avi|3gp)(\?|#|$)/i;
const MEDIA_HOSTS =
  /(^|\.)(imgur\.com|i\.redd\.it|pbs\.twimg\.com|cdn\.discordapp\.com|media\.discordapp\.net|drive\.google\.com|photos\.app\.goo\.gl|dropbox\.com|mega\.nz|wetransfer\.com)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/gi;

/** True when the text holds a link that looks like a picture, a video or a file share. */
export function looksLikeMediaLink(text: string): boolean {
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url: URL;
    try {
      url = new URL(match[0]);
    } catch {
      continue;
    }
    if (MEDIA_EXTENSION.test(url.pathname) || MEDIA_HOSTS.test(url.hostname)) return true;
  }
  return /\bdata:(image|video)\//i.test(text);
}
