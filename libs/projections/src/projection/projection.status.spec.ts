import { stalledSince } from './projection.status';

describe('stall rule', () => {
  const at = (seconds: number): Date => new Date(Date.UTC(2025, 0, 1, 0, 0, seconds));
  const rule = (input: {
    position: number;
    head: number;
    advanced: number;
    oldest?: number;
    now: number;
  }) =>
    stalledSince({
      position: input.position,
      headPosition: input.head,
      advancedAt: at(input.advanced),
      ...(input.oldest === undefined ? {} : { oldestWaitingAt: at(input.oldest) }),
      now: at(input.now),
      stallAfterMs: 10_000,
    });

  it('given nothing waits, then never stalled, however old the last advance', () => {
    expect(rule({ position: 5, head: 5, advanced: 0, now: 50 })).toBeUndefined();
  });

  it('given events wait and no advance for the threshold, then stalled since the later of both', () => {
    expect(rule({ position: 5, head: 9, advanced: 0, oldest: 20, now: 30 })).toEqual(at(20));
    expect(rule({ position: 5, head: 9, advanced: 20, oldest: 3, now: 30 })).toEqual(at(20));
  });

  it('given a quiet projection that just got an event, then not stalled yet', () => {
    expect(rule({ position: 5, head: 6, advanced: 0, oldest: 25, now: 30 })).toBeUndefined();
  });

  it('given a backlog worked through batch by batch, then not stalled', () => {
    expect(
      rule({ position: 5_000, head: 90_000, advanced: 29, oldest: 0, now: 30 }),
    ).toBeUndefined();
  });
});
