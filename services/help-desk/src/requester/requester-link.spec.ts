import { requesterLinkClaims, signRequesterLink, verifyRequesterLink } from './requester-link';

describe('the requester’s signed link', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const now = new Date('2026-03-02T09:00:00Z');
  const in30Days = new Date('2026-04-01T09:00:00Z');
  const token = signRequesterLink(secret, 'req-1', 'Ama@Example.org', in30Days);

  it('opens the request it names for the requester’s e-mail until it expires', () => {
    expect(verifyRequesterLink(secret, token, 'ama@example.org', now)).toEqual({
      valid: true,
      claims: { requestId: 'req-1', expiresAt: in30Days.getTime() / 1000 },
    });
    expect(token).not.toContain('ama');
  });

  it('is expired from its expiry on', () => {
    expect(verifyRequesterLink(secret, token, 'ama@example.org', in30Days)).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('is refused with another e-mail (an erased one), another secret, or a changed request id', () => {
    expect(verifyRequesterLink(secret, token, '[erased]', now)).toMatchObject({
      reason: 'bad-signature',
    });
    expect(
      verifyRequesterLink('another-secret-of-thirty-two-chars!!', token, 'ama@example.org', now),
    ).toMatchObject({ reason: 'bad-signature' });
    const [, sig] = token.split('~');
    const forged = `${Buffer.from(`req-2.${in30Days.getTime() / 1000}`).toString('base64url')}~${sig}`;
    expect(requesterLinkClaims(forged)?.requestId).toBe('req-2');
    expect(verifyRequesterLink(secret, forged, 'ama@example.org', now)).toMatchObject({
      reason: 'bad-signature',
    });
    expect(verifyRequesterLink(secret, 'not-a-link', 'ama@example.org', now)).toMatchObject({
      reason: 'malformed',
    });
  });
});
