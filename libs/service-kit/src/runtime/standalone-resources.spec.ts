import { kafkaBrokersOf, ResourceStack } from './standalone-resources';

describe('standalone resources', () => {
  it('reads KAFKA_BROKERS as a trimmed list', () => {
    expect(kafkaBrokersOf({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092,,10.0.0.7:9093 ' })).toEqual(
      ['kafka-1:9092', 'kafka-2:9092', '10.0.0.7:9093'],
    );
  });

  it('closes last-in first-out, once, going on past a resource that fails', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as never;
    const stack = new ResourceStack(logger);
    const closed: string[] = [];
    stack.add(() => {
      closed.push('connection');
    });
    stack.add(async () => {
      closed.push('bus');
      throw new Error('broker gone');
    });
    stack.add(async () => {
      closed.push('http');
    });
    const first = stack.closeAll();
    expect(stack.closeAll()).toBe(first);
    await first;
    expect(closed).toEqual(['http', 'bus', 'connection']);
    expect(warnings).toHaveLength(1);
    await stack.closeAll();
    expect(closed).toHaveLength(3);
  });
});
