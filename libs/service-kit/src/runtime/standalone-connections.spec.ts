import { publicUrlOf, redactedUri } from './standalone-connections';

describe('standalone connections', () => {
  it('never shows MongoDB credentials in messages', () => {
    expect(redactedUri('mongodb://user:s3cret@db-1:27017/sfp')).toBe(
      'mongodb://***@db-1:27017/sfp',
    );
    expect(redactedUri('mongodb://db-1:27017')).toBe('mongodb://db-1:27017');
  });

  it('gives a reachable URL for wildcard and IPv6 hosts', () => {
    expect(publicUrlOf('0.0.0.0', 3001)).toBe('http://127.0.0.1:3001');
    expect(publicUrlOf('::', 3001)).toBe('http://[::1]:3001');
    expect(publicUrlOf('fe80::1', 80)).toBe('http://[fe80::1]:80');
    expect(publicUrlOf('127.0.0.1', 3002)).toBe('http://127.0.0.1:3002');
  });
});
