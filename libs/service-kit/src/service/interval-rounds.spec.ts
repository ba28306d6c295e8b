import { IntervalRounds } from './interval-rounds';

const logger = () => ({ error: jest.fn() }) as unknown as import('../logging/logger').Logger;

describe('IntervalRounds', () => {
  afterEach(() => jest.useRealTimers());

  it('runs a round every interval, logs a failed one and goes on', async () => {
    jest.useFakeTimers();
    const log = logger();
    const round = jest.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(1);
    const rounds = new IntervalRounds({
      round,
      onFailure: 0,
      logger: log,
      failureMessage: 'failed',
    });
    rounds.start(100);
    expect(round).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(200);
    expect(round).toHaveBeenCalledTimes(2);
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'failed');
    await rounds.stop();
    await jest.advanceTimersByTimeAsync(200);
    expect(round).toHaveBeenCalledTimes(2);
  });

  it('runs the first round at once when asked, and never with an interval of 0', async () => {
    const round = jest.fn().mockResolvedValue(1);
    const now = new IntervalRounds({ round, onFailure: 0, logger: logger(), failureMessage: 'x' });
    now.start(60_000, { immediately: true });
    await now.stop();
    expect(round).toHaveBeenCalledTimes(1);
    const never = new IntervalRounds({
      round,
      onFailure: 0,
      logger: logger(),
      failureMessage: 'x',
    });
    never.start(0, { immediately: true });
    await never.stop();
    expect(round).toHaveBeenCalledTimes(1);
  });
});
