import { AddressInfo } from 'node:net';
import { AppConfig, DEVELOPMENT_ONLY_KEY } from '../config/app-config';

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped form: only this machine can connect. */
export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || /^127\./.test(plain) || plain === 'localhost';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/**
 * Why this API, as it is listening, must not hold real cases. NODE_ENV defaults to development,
 * so a deployment that forgets it starts with the development encryption key (public, in this
 * repository) and demo accounts with a known password. Harmless on a laptop, where only this
 * machine can connect; dangerous once other machines can: the API listens on a non-loopback
 * address (API_HOST unset listens on all of them), or PUBLIC_URL says people reach it elsewhere.
 * `npm start` binds the API to 127.0.0.1, so it stays quiet there.
 */
export function exposureWarnings(
  config: Pick<AppConfig, 'dataEncryptionKey' | 'demoSeed' | 'demoPassword' | 'publicUrl'>,
  listening: AddressInfo | string | null,
): string[] {
  const address = listening && typeof listening === 'object' ? listening.address : '';
  const reachable = [
    address && !isLoopback(address) ? `the API listens on ${address === '::' || address === '0.0.0.0' ? 'every network interface' : address}` : '',
    !isLoopback(hostOf(config.publicUrl)) ? `PUBLIC_URL is ${config.publicUrl}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  if (!reachable) return [];
  const warnings: string[] = [];
  if (config.dataEncryptionKey.equals(DEVELOPMENT_ONLY_KEY)) {
    warnings.push(
      `Contact details are encrypted with the DEVELOPMENT key, which is public, while ${reachable}. ` +
        'Set NODE_ENV=production and DATA_ENCRYPTION_KEY (openssl rand -base64 32) before anyone enters a real case.',
    );
  }
  if (config.demoSeed) {
    warnings.push(
      `Demo accounts (admin@demo.test and others, password from DEMO_PASSWORD) can sign in while ${reachable}. Set NODE_ENV=production or DEMO_SEED=false, and deactivate them.`,
    );
  }
  return warnings;
}
