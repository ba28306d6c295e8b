import { IsOptional, Matches } from 'class-validator';
import { EnvInt, StandaloneConfig } from '@sfp/service-kit';

/**
 * The standalone reporting service's settings (distributed mode: Kafka and
 * MongoDB), checked at start: every standalone service's, with reporting's
 * defaults, and its query bounds and consumer groups.
 */
export class ReportingServiceConfig extends StandaloneConfig {
  /** Reporting's own database (default sfp_reporting). */
  override MONGODB_DATABASE = 'sfp_reporting';

  /** HTTP port (default 3002; 0 = any free port). */
  override PORT = 3002;

  /** The Kafka client id (default sfp-reporting). */
  override KAFKA_CLIENT_ID = 'sfp-reporting';

  /** Prefix of reporting's consumer groups, one per context (default sfp.reporting). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, ., _ or -' })
  REPORTING_CONSUMER_GROUP_PREFIX = 'sfp.reporting';

  /** Documents one query may read (default 50000). */
  @EnvInt(1)
  REPORTING_MAX_SCANNED_ROWS = 50_000;

  /** Time one query may take, in ms (default 10000). */
  @EnvInt(100)
  REPORTING_QUERY_TIMEOUT_MS = 10_000;
}

/** KAFKA_BROKERS as a list (one parser for every standalone service). */
export { kafkaBrokersOf } from '@sfp/service-kit';
