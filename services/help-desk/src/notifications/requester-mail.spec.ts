import { requesterMail } from './requester-mail';
import { retryDelayMs } from './requester-notification.events';

describe('the requester’s mails', () => {
  const base = {
    requestTitle: 'Guarantee fund',
    requesterName: 'Kofi Mensah',
    link: 'https://console.example.org/requester/abc~def',
    linkDays: 30,
  };

  it('says what happened, carries the reply or the answer, and the link with its lifetime', () => {
    expect(requesterMail({ ...base, kind: 'received' }).subject).toBe(
      'We received your request: Guarantee fund',
    );
    const reply = requesterMail({ ...base, kind: 'replied', message: 'How many members?' });
    expect(reply.subject).toBe('New reply to your request: Guarantee fund');
    expect(reply.text).toContain('Dear Kofi Mensah,');
    expect(reply.text).toContain('How many members?');
    expect(reply.text).toContain('https://console.example.org/requester/abc~def');
    expect(reply.text).toContain('works for 30 days');
    const resolved = requesterMail({ ...base, kind: 'resolved', message: 'Use a revolving fund' });
    expect(resolved.subject).toBe('Your request is resolved: Guarantee fund');
    expect(resolved.text).toContain('Use a revolving fund');
    expect(resolved.text).toContain('how satisfied you are');
  });

  it('waits longer after each failed send: 30 s, 1, 2, 4 minutes … at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
