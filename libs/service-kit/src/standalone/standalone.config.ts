import { IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { ConfigurationError, loadConfig, settingProblem } from '../config/env-config';
import { EnvInt, HostConfig } from '../config/host.config';
import { checkSettings } from '../config/settings-check';

/** A comma-separated list of host:port (host name or IPv4 address). */
const BROKER_LIST = /^\s*[A-Za-z0-9._-]+:\d{1,5}\s*(?:,\s*[A-Za-z0-9._-]+:\d{1,5}\s*)*$/;
const PSEUDONYM_SECRET_RULE =
  'must be at least 32 characters, the same value in every service (required by a service that holds personal data: it keys the pseudonyms of people in its events)';
const TOKEN_SECRET_RULE =
  'must be at least 32 characters, the same value in every service (required in distributed mode: it signs the access tokens every service accepts)';
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;

/** The SASL mechanisms a service may log in to Kafka with. */
export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];
const SASL_SETTINGS = ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'];

/**
 * The settings every standalone service reads from the environment
 * (distributed mode: Kafka and MongoDB). Every problem is reported at once;
 * no value is ever echoed (a secret must not reach a log). The defaults that
 * name the service (database, Kafka client id, port) come from its context:
 * see `loadStandaloneConfig`.
 */
export class StandaloneConfig extends HostConfig {
  /** The shared database of identities (users, integration clients, API keys): the same in every service. */
  @IsOptional()
  @Matches(DATABASE_NAME, { message: 'must be 1 to 63 letters, digits, _ or -' })
  SFP_AUTH_DATABASE = 'sfp_auth';

  /** Kafka bootstrap brokers, e.g. `127.0.0.1:9092` or `kafka-1:9092,kafka-2:9092`. Required. */
  @Matches(BROKER_LIST, {
    message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092 (required)',
  })
  KAFKA_BROKERS!: string;

  /** The MongoDB (or FerretDB) server, e.g. `mongodb://127.0.0.1:27017`. Required. */
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: 'must be a mongodb:// or mongodb+srv:// connection string (required)',
  })
  MONGODB_URI!: string;

  /** The service's own database on that server (default sfp_<context>): one database per context. */
  @Matches(DATABASE_NAME, { message: 'must be 1 to 63 letters, digits, _ or -' })
  MONGODB_DATABASE!: string;

  /**
   * Keys the pseudonymous person ids (HMAC of the e-mail): at least 32
   * characters, the same value in every service so a person has one id.
   * Required by the services that hold personal data.
   */
  @IsOptional()
  @MinLength(32, { message: PSEUDONYM_SECRET_RULE })
  SFP_PSEUDONYM_SECRET?: string;

  /** Partitions of the service's sfp.<context>.* topics when it creates them (default 3). */
  @EnvInt(1, 1000)
  KAFKA_TOPIC_PARTITIONS = 3;

  /** Replication factor of the topics when the service creates them (default 1). */
  @EnvInt(1, 32)
  KAFKA_REPLICATION_FACTOR = 1;

  /**
   * Several instances of a service may run: the one holding the lease
   * `<context>.leader` runs its projections, reactors and scheduled workers,
   * and the outbox relay publishes from the holder of `<context>.outbox`.
   * Each lease lasts this long unless renewed (every third of it), so another
   * instance takes over within this time after its holder dies (default 10 s).
   */
  @EnvInt(1000, 600_000)
  SFP_LEADER_LEASE_MS = 10_000;

  /**
   * SASL mechanism of the service's Kafka user (`scram-sha-512`, `scram-sha-256`
   * or `plain`); unset: no SASL (a trusted listener). Set together with
   * KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD.
   */
  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS, { message: `must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  /** The service's Kafka user, e.g. `sfp-help-desk` (with KAFKA_SASL_MECHANISM). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, ., _ or -' })
  KAFKA_SASL_USERNAME?: string;

  /** That user's password (with KAFKA_SASL_MECHANISM); never logged. */
  @IsOptional()
  @MinLength(1, { message: 'must not be empty' })
  KAFKA_SASL_PASSWORD?: string;

  /** The Kafka client id (default sfp-<context>). */
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, ., _ or -' })
  KAFKA_CLIENT_ID!: string;
}

/**
 * A standalone service's settings from the environment, with the defaults
 * its context gives: database sfp_<context> (dashes as underscores), Kafka
 * client id sfp-<context>, and its port. `configClass` extends StandaloneConfig
 * with a host's own variables (e.g. reporting's query bounds).
 */
export function loadStandaloneConfig<T extends StandaloneConfig = StandaloneConfig>(
  service: { context: string; defaultPort: number; personalData?: boolean },
  env: Record<string, unknown> = process.env,
  configClass: new () => T = StandaloneConfig as new () => T,
): T {
  const problems: string[] = [];
  let config: T | undefined;
  try {
    config = loadConfig(configClass, {
      MONGODB_DATABASE: `sfp_${service.context.replace(/-/g, '_')}`,
      KAFKA_CLIENT_ID: `sfp-${service.context}`,
      PORT: String(service.defaultPort),
      ...definedOnly(env),
    } as NodeJS.ProcessEnv);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  problems.push(...distributedSecretProblems(definedOnly(env), service));
  problems.push(...kafkaSaslProblems(definedOnly(env)));
  if (problems.length || !config) throw new ConfigurationError(problems);
  return config;
}

/**
 * The secrets a standalone service cannot start without, when they are
 * missing: SFP_AUTH_TOKEN_SECRET always (distributed mode), SFP_PSEUDONYM_SECRET
 * when the service holds personal data. (Set but too short: the config class
 * reports it.)
 */
export function distributedSecretProblems(
  env: Record<string, unknown>,
  service: { personalData?: boolean } = {},
): string[] {
  const unset = (name: string) => env[name] === undefined || env[name] === '';
  return [
    ...(unset('SFP_AUTH_TOKEN_SECRET')
      ? [settingProblem('SFP_AUTH_TOKEN_SECRET', undefined, [TOKEN_SECRET_RULE])]
      : []),
    ...(service.personalData && unset('SFP_PSEUDONYM_SECRET')
      ? [settingProblem('SFP_PSEUDONYM_SECRET', undefined, [PSEUDONYM_SECRET_RULE])]
      : []),
  ];
}

/** The Kafka SASL settings come as a set: the mechanism, the user and the password, or none. */
export function kafkaSaslProblems(env: Record<string, unknown>): string[] {
  const given = SASL_SETTINGS.filter((name) => env[name] !== undefined);
  if (given.length === 0 || given.length === SASL_SETTINGS.length) return [];
  return SASL_SETTINGS.filter((name) => env[name] === undefined).map((name) =>
    settingProblem(name, undefined, [
      `is required when ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set (the service's Kafka login: ${SASL_SETTINGS.join(', ')})`,
    ]),
  );
}

/**
 * A standalone service's one settings check, before it opens anything: the
 * standalone settings (loadStandaloneConfig) and the context's own
 * (`loadSettings` of its declaration), every problem of both reported at once.
 */
export function checkStandaloneSettings<Settings extends object>(
  service: {
    context: string;
    defaultPort: number;
    personalData?: boolean;
    loadSettings(source: Record<string, unknown>): Settings;
  },
  env: Record<string, unknown> = process.env,
): { config: StandaloneConfig; settings: Settings } {
  return checkSettings({
    config: () => loadStandaloneConfig(service, env),
    settings: () => service.loadSettings(env),
  });
}

/** An empty variable counts as unset, as for the other defaults. */
function definedOnly(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
}
