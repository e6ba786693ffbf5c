import { isIP } from 'node:net';

/**
 * What a request line may say about who sent it and what they asked for. The address is cut to
 * its network (an IPv4 /24, an IPv6 /48): enough to see a flood coming from one place, not
 * enough to name a household or a phone. Rate limits key on the full address, in memory and
 * hashed in the database (see rate-limit.module.ts), never in the logs.
 */
export function clientNetwork(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  const plain = mapped?.[1] ?? address.split('%')[0] ?? address;
  const family = isIP(plain);
  if (family === 4) return `${plain.split('.').slice(0, 3).join('.')}.0/24`;
  if (family === 6)
    return `${ipv6Groups(plain)
      .slice(0, 3)
      .map((group) => group.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  return undefined;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, an IPv4 tail as two groups). */
function ipv6Groups(address: string): string[] {
  const toGroups = (part: string): string[] => {
    if (!part) return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [group.toLowerCase()];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  };
  const [head = '', tail] = address.split('::');
  const start = toGroups(head);
  const end = tail === undefined ? [] : toGroups(tail);
  return [...start, ...Array<string>(8 - start.length - end.length).fill('0'), ...end];
}

export const REDACTED = '[redacted]';

/**
 * A URL as logged: the path, and the names of its query parameters without their values. Values
 * are what people type (a search for a handle, a reference), or cursors that encode them.
 */
export function urlWithoutQueryValues(url: string | undefined): string {
  if (!url) return '';
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      return `${/^[A-Za-z0-9_.-]{1,40}$/.test(name) ? name : REDACTED}=${REDACTED}`;
    });
  return names.length ? `${url.slice(0, at)}?${names.join('&')}` : url.slice(0, at);
}

/**
 * The level of a request line: the server's faults (5xx) are errors, a client's mistakes or
 * refusals (4xx, including a body too large or in a form the API does not read) are warnings,
 * everything else is information.
 */
export function requestLogLevel(statusCode: number, failed: boolean): 'error' | 'warn' | 'info' {
  if (statusCode >= 500) return 'error';
  if (statusCode >= 400 || failed) return 'warn';
  return 'info';
}
