import { failpoint, parseFailpoints, setFailpoints } from './failpoints';

describe('failpoints', () => {
  afterEach(() => setFailpoints([]));

  it('reads names, keys, counts and actions', () => {
    expect(
      parseFailpoints(
        'projection.apply=help-desk-requests:3*sleep(40); command.handle:throw(boom)',
      ),
    ).toEqual([
      {
        name: 'projection.apply',
        key: 'help-desk-requests',
        remaining: 3,
        action: { kind: 'sleep', ms: 40 },
      },
      {
        name: 'command.handle',
        remaining: Number.POSITIVE_INFINITY,
        action: { kind: 'throw', message: 'boom' },
      },
    ]);
    expect(parseFailpoints(undefined)).toEqual([]);
  });

  it('refuses a rule it cannot read', () => {
    expect(() => parseFailpoints('projection.apply=x:sleepy(3)')).toThrow(/cannot read/);
  });

  it('does nothing when no rule matches, throws for a matching key, and stops after its count', async () => {
    setFailpoints(parseFailpoints('command.handle=SubmitServiceRequest:2*throw(handler failed)'));
    await expect(failpoint('command.handle', 'CommentOnServiceRequest')).resolves.toBeUndefined();
    await expect(failpoint('projection.apply', 'SubmitServiceRequest')).resolves.toBeUndefined();
    await expect(failpoint('command.handle', 'SubmitServiceRequest')).rejects.toThrow(
      'handler failed (failpoint command.handle=SubmitServiceRequest)',
    );
    await expect(failpoint('command.handle', 'SubmitServiceRequest')).rejects.toThrow();
    await expect(failpoint('command.handle', 'SubmitServiceRequest')).resolves.toBeUndefined();
  });

  it('sleeps for a sleep rule', async () => {
    setFailpoints(parseFailpoints('projection.apply:1*sleep(30)'));
    const started = performance.now();
    await failpoint('projection.apply', 'any');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
