import { InfrastructureUnavailableError } from './infrastructure-unavailable.error';
import { parseBrokers, provideInfrastructure } from './provide-infrastructure';

const noDocker = async () => false;

describe('provideInfrastructure', () => {
  it('fails with instructions to start infra/local when nothing is configured and no Docker answers', async () => {
    const attempt = provideInfrastructure({ env: {}, dockerAvailable: noDocker });
    await expect(attempt).rejects.toBeInstanceOf(InfrastructureUnavailableError);
    await expect(attempt).rejects.toThrow(/bash infra\/local\/up/);
    await expect(attempt).rejects.toThrow(/KAFKA_BROKERS=127\.0\.0\.1:9092/);
  });

  it('refuses half a configuration, naming the missing variable', async () => {
    await expect(
      provideInfrastructure({
        env: { KAFKA_BROKERS: '127.0.0.1:9092' },
        dockerAvailable: noDocker,
      }),
    ).rejects.toThrow(/MONGODB_URI is not set/);
    await expect(
      provideInfrastructure({
        env: { MONGODB_URI: 'mongodb://127.0.0.1:27017' },
        dockerAvailable: noDocker,
      }),
    ).rejects.toThrow(/KAFKA_BROKERS is not set/);
  });

  it('fails, naming the server, when a configured address does not answer', async () => {
    const attempt = provideInfrastructure({
      env: { KAFKA_BROKERS: '127.0.0.1:1', MONGODB_URI: 'mongodb://127.0.0.1:1' },
      probeTimeoutMs: 500,
      dockerAvailable: noDocker,
    });
    await expect(attempt).rejects.toBeInstanceOf(InfrastructureUnavailableError);
    await expect(attempt).rejects.toThrow(/does not answer/);
    await expect(attempt).rejects.toThrow(/infra\/local\/up/);
  });

  it('does not fall back to Docker when addresses are given', async () => {
    let asked = false;
    await expect(
      provideInfrastructure({
        env: { KAFKA_BROKERS: '127.0.0.1:1', MONGODB_URI: 'mongodb://127.0.0.1:1' },
        probeTimeoutMs: 300,
        dockerAvailable: async () => (asked = true),
      }),
    ).rejects.toThrow();
    expect(asked).toBe(false);
  });
});

describe('parseBrokers', () => {
  it('splits a comma-separated list of host:port', () => {
    expect(parseBrokers(' a:9092, b:9093 ,')).toEqual(['a:9092', 'b:9093']);
  });

  it('rejects an entry without a port', () => {
    expect(() => parseBrokers('localhost')).toThrow(/not host:port/);
  });
});
