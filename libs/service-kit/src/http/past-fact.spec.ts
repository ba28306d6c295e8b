import {
  currentPastFact,
  outsidePastFact,
  parseOccurredAt,
  pastFactClock,
  runAsPastFact,
} from './past-fact';

describe('past facts (X-SFP-Occurred-At)', () => {
  const now = new Date('2026-12-06T10:00:00.000Z');
  const clock = pastFactClock(() => now);

  it('reads an ISO 8601 date and time with a zone; refuses anything else', () => {
    expect(parseOccurredAt('2025-03-14T09:30:00Z')).toEqual(new Date('2025-03-14T09:30:00Z'));
    expect(parseOccurredAt('2025-03-14T10:30:00.250+01:00')).toEqual(
      new Date('2025-03-14T09:30:00.250Z'),
    );
    for (const wrong of ['2025-03-14', '14/03/2025', '2025-03-14T09:30:00', 'yesterday', '']) {
      expect(parseOccurredAt(wrong)).toEqual({ message: expect.stringMatching(/ISO 8601/) });
    }
    expect(parseOccurredAt('2025-02-30T09:30:00Z')).not.toBeInstanceOf(Date);
  });

  it('gives the fact’s time to the clock inside the fact only, and now outside it', async () => {
    const fact = new Date('2025-03-14T09:30:00Z');
    expect(clock()).toEqual(now);
    await runAsPastFact(fact, async () => {
      await Promise.resolve();
      expect(clock()).toEqual(fact);
      expect(currentPastFact()).toEqual({ occurredAt: fact });
      // What the command sets going in the background is not the past fact.
      outsidePastFact(() => expect(clock()).toEqual(now));
    });
    expect(clock()).toEqual(now);
    expect(currentPastFact()).toBeUndefined();
  });
});
