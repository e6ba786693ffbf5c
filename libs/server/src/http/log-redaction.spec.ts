import { clientNetwork, requestLogLevel, urlWithoutQueryValues } from './log-redaction';

describe('clientNetwork', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['127.0.0.1', '127.0.0.0/24'],
    ['2001:db8:1234:5678:9abc:def0:1234:5678', '2001:db8:1234::/48'],
    ['2001:0db8:0004::1', '2001:db8:4::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0::/48'],
  ])('%s is logged as %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  it('an address it cannot read is not logged at all', () => {
    expect(clientNetwork('not an address')).toBeUndefined();
    expect(clientNetwork(undefined)).toBeUndefined();
  });
});

describe('urlWithoutQueryValues', () => {
  it.each([
    ['/api/cases?queue=search&q=%40threatener', '/api/cases?queue=[redacted]&q=[redacted]'],
    ['/api/cases?q=name%20of%20someone&cursor=abc', '/api/cases?q=[redacted]&cursor=[redacted]'],
    ['/api/cases/3f1?', '/api/cases/3f1'],
    ['/api/cases?a%20secret%20typed%20as%20a%20name', '/api/cases?[redacted]=[redacted]'],
    ['/api/intakes', '/api/intakes'],
  ])('%s is logged as %s', (url, logged) => {
    expect(urlWithoutQueryValues(url)).toBe(logged);
  });
});

describe('requestLogLevel', () => {
  it.each([
    [200, false, 'info'],
    [304, false, 'info'],
    [400, false, 'warn'],
    [413, false, 'warn'],
    [415, false, 'warn'],
    [429, false, 'warn'],
    [200, true, 'warn'],
    [500, false, 'error'],
    [503, true, 'error'],
  ] as const)('%i (failed: %s) is %s', (status, failed, level) => {
    expect(requestLogLevel(status, failed)).toBe(level);
  });
});
