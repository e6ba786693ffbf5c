import { DEVELOPMENT_ONLY_KEY } from '../config/app-config';
import { exposureWarnings, isLoopback } from './startup-safety';

const development = { dataEncryptionKey: DEVELOPMENT_ONLY_KEY, demoSeed: true, demoPassword: 'demo-safeguard-2026', publicUrl: 'http://localhost:4200' };
const production = { ...development, dataEncryptionKey: Buffer.alloc(32, 7), demoSeed: false };
const on = (address: string) => ({ address, family: address.includes(':') ? 'IPv6' : 'IPv4', port: 3000 });

describe('start-up exposure warnings', () => {
  it('stays quiet on a laptop: development key, but only this machine can connect', () => {
    expect(exposureWarnings(development, on('127.0.0.1'))).toEqual([]);
    expect(exposureWarnings(development, on('::1'))).toEqual([]);
  });

  it('warns loudly when the development key and demo accounts meet a network', () => {
    const warnings = exposureWarnings(development, on('::'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/DEVELOPMENT key.*every network interface.*NODE_ENV=production and DATA_ENCRYPTION_KEY/);
    expect(warnings[1]).toMatch(/Demo accounts/);
    expect(exposureWarnings(development, on('10.0.0.5'))[0]).toMatch(/listens on 10\.0\.0\.5/);
  });

  it('warns when PUBLIC_URL is another machine, even behind a loopback bind', () => {
    expect(exposureWarnings({ ...development, publicUrl: 'https://triage.example.org' }, on('127.0.0.1'))[0]).toMatch(
      /PUBLIC_URL is https:\/\/triage\.example\.org/,
    );
  });

  it('has nothing to say about a properly configured deployment', () => {
    expect(exposureWarnings(production, on('::'))).toEqual([]);
  });

  it('knows loopback addresses', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', 'localhost']) expect(isLoopback(address)).toBe(true);
    for (const address of ['0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', '']) expect(isLoopback(address)).toBe(false);
  });
});
