import 'reflect-metadata';
import { ConfigurationError, loadConfig } from '@sfp/service-kit';
import { kafkaBrokersOf, ReportingServiceConfig } from './reporting-service.config';

const required = { KAFKA_BROKERS: '127.0.0.1:9092', MONGODB_URI: 'mongodb://127.0.0.1:27017' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(ReportingServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems.map((p) => p.split(':')[0] ?? p);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('ReportingServiceConfig', () => {
  it('takes the required settings and defaults the rest', () => {
    expect(loadConfig(ReportingServiceConfig, required)).toMatchObject({
      ...required,
      PORT: 3002,
      MONGODB_DATABASE: 'sfp_reporting',
      REPORTING_CONSUMER_GROUP_PREFIX: 'sfp.reporting',
      REPORTING_MAX_SCANNED_ROWS: 50_000,
      REPORTING_QUERY_TIMEOUT_MS: 10_000,
    });
    expect(kafkaBrokersOf({ KAFKA_BROKERS: 'a:1, b:2' })).toEqual(['a:1', 'b:2']);
  });

  it('lists every missing or malformed setting at once', () => {
    expect(problemsOf({})).toEqual(['KAFKA_BROKERS', 'MONGODB_URI']);
    expect(
      problemsOf({
        ...required,
        PORT: '70000',
        REPORTING_MAX_SCANNED_ROWS: '0',
        REPORTING_QUERY_TIMEOUT_MS: 'soon',
        MONGODB_DATABASE: 'a/b',
      }).sort(),
    ).toEqual([
      'MONGODB_DATABASE',
      'PORT',
      'REPORTING_MAX_SCANNED_ROWS',
      'REPORTING_QUERY_TIMEOUT_MS',
    ]);
  });
});
