import 'reflect-metadata';
import { ConfigurationError } from '../config/env-config';
import { kafkaBrokersOf, kafkaSaslOf } from '../runtime/standalone-resources';
import { loadStandaloneConfig } from './standalone.config';

/** A context like the help desk: it holds personal data, so the pseudonym secret is required. */
const helpDesk = { context: 'help-desk', defaultPort: 3001, personalData: true };
const load = (env: Record<string, unknown>) => loadStandaloneConfig(helpDesk, env);

const SECRET = 'a-pseudonym-secret-of-at-least-32-chars';
const TOKEN_SECRET = 'a-token-secret-of-at-least-32-characters';
const required = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  SFP_AUTH_TOKEN_SECRET: TOKEN_SECRET,
  SFP_PSEUDONYM_SECRET: SECRET,
};

function problemsOf(env: Record<string, unknown>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadStandaloneConfig', () => {
  it('takes the required settings and defaults the rest', () => {
    const config = load(required);
    expect(config).toMatchObject({
      ...required,
      PORT: 3001,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MONGODB_DATABASE: 'sfp_help_desk',
      KAFKA_TOPIC_PARTITIONS: 3,
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_CLIENT_ID: 'sfp-help-desk',
    });
  });

  it("logs in to Kafka as the service's own user when the SASL settings are given", () => {
    const config = load({
      ...required,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'sfp-help-desk',
      KAFKA_SASL_PASSWORD: 'a long random password',
    });
    expect(kafkaSaslOf(config)).toEqual({
      mechanism: 'scram-sha-512',
      username: 'sfp-help-desk',
      password: 'a long random password',
    });
    expect(kafkaSaslOf(load(required))).toBeUndefined();
  });

  it('refuses a partial or unknown SASL login, naming what is missing', () => {
    const problems = problemsOf({ ...required, KAFKA_SASL_USERNAME: 'sfp-help-desk' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('KAFKA_SASL_MECHANISM');
    expect(problems.join('\n')).toContain('KAFKA_SASL_PASSWORD');
    expect(problems.join('\n')).not.toContain('sfp-help-desk');
    const unknown = problemsOf({
      ...required,
      KAFKA_SASL_MECHANISM: 'gssapi',
      KAFKA_SASL_USERNAME: 'sfp-help-desk',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    expect(unknown.join('\n')).toMatch(/KAFKA_SASL_MECHANISM.*scram-sha-512, scram-sha-256, plain/);
  });

  it('reads numbers from the environment and ignores variables it does not know', () => {
    const config = load({
      ...required,
      PORT: '0',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_REPLICATION_FACTOR: '3',
      MONGODB_DATABASE: 'help_desk_eu',
      PATH: '/usr/bin',
    });
    expect(config).toMatchObject({
      PORT: 0,
      KAFKA_TOPIC_PARTITIONS: 12,
      KAFKA_REPLICATION_FACTOR: 3,
      MONGODB_DATABASE: 'help_desk_eu',
    });
  });

  it('lists every missing required setting at once', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'KAFKA_BROKERS',
      'MONGODB_URI',
      'SFP_AUTH_TOKEN_SECRET',
      'SFP_PSEUDONYM_SECRET',
    ]);
    // Each line: the variable, what is wrong, what is expected.
    expect(problems).toContainEqual(
      expect.stringMatching(/^SFP_AUTH_TOKEN_SECRET: not set — must be at least 32 characters/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^SFP_PSEUDONYM_SECRET: not set — must be at least 32 characters.*personal data/,
      ),
    );
  });

  it('refuses malformed values, without echoing them', () => {
    const problems = problemsOf({
      KAFKA_BROKERS: 'kafka',
      MONGODB_URI: 'http://db:27017',
      SFP_PSEUDONYM_SECRET: 'too-short-secret',
      SFP_AUTH_TOKEN_SECRET: 'short-token-secret',
      PORT: '70000',
      KAFKA_TOPIC_PARTITIONS: '0',
      KAFKA_REPLICATION_FACTOR: 'two',
      MONGODB_DATABASE: 'a/b',
      LOG_LEVEL: 'loud',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      [
        'KAFKA_BROKERS',
        'MONGODB_URI',
        'SFP_PSEUDONYM_SECRET',
        'SFP_AUTH_TOKEN_SECRET',
        'PORT',
        'KAFKA_TOPIC_PARTITIONS',
        'KAFKA_REPLICATION_FACTOR',
        'MONGODB_DATABASE',
        'LOG_LEVEL',
      ].sort(),
    );
    expect(problems.join('\n')).not.toContain('too-short-secret');
    expect(problems.join('\n')).not.toContain('short-token-secret');
    expect(problems).toContainEqual(expect.stringMatching(/^PORT: invalid — /));
  });

  it('splits a broker list', () => {
    expect(kafkaBrokersOf({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092,10.0.0.7:9093' })).toEqual([
      'kafka-1:9092',
      'kafka-2:9092',
      '10.0.0.7:9093',
    ]);
    expect(problemsOf({ ...required, KAFKA_BROKERS: 'kafka-1:9092,,kafka-2' })[0]).toMatch(
      /^KAFKA_BROKERS: /,
    );
  });

  it('names the defaults after the context, and asks no secret of a context without personal data', () => {
    const config = loadStandaloneConfig(
      { context: 'knowledge-base', defaultPort: 3003 },
      {
        KAFKA_BROKERS: '127.0.0.1:9092',
        MONGODB_URI: 'mongodb://127.0.0.1:27017',
        SFP_AUTH_TOKEN_SECRET: TOKEN_SECRET,
      },
    );
    expect(config).toMatchObject({
      PORT: 3003,
      MONGODB_DATABASE: 'sfp_knowledge_base',
      KAFKA_CLIENT_ID: 'sfp-knowledge-base',
    });
    expect(config.SFP_PSEUDONYM_SECRET).toBeUndefined();
  });
});
