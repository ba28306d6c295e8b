import { Type } from 'class-transformer';
import { AuthConfig } from '@sfp/auth';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const BROKER_LIST = /^\s*[A-Za-z0-9._-]+:\d{1,5}\s*(?:,\s*[A-Za-z0-9._-]+:\d{1,5}\s*)*$/;

/** The standalone reporting service's settings (distributed mode: Kafka and MongoDB), checked at start. */
export class ReportingServiceConfig extends AuthConfig {
  /** The shared database of identities (users, integration clients, API keys): the same in every service. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'must be 1 to 63 letters, digits, _ or -' })
  SFP_AUTH_DATABASE = 'sfp_auth';

  /** Kafka bootstrap brokers, e.g. `127.0.0.1:9092`. Required. */
  @Matches(BROKER_LIST, {
    message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092 (required)',
  })
  KAFKA_BROKERS!: string;

  /** The MongoDB (or FerretDB) server. Required. */
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: 'must be a mongodb:// or mongodb+srv:// connection string (required)',
  })
  MONGODB_URI!: string;

  /** Reporting's own database (default sfp_reporting). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'must be 1 to 63 letters, digits, _ or -' })
  MONGODB_DATABASE = 'sfp_reporting';

  /** HTTP port (default 3002; 0 = any free port). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3002;

  @IsOptional()
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @IsOptional()
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';

  /** Partitions of the topics reporting creates when missing (default 3). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 3;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  KAFKA_REPLICATION_FACTOR = 1;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, ., _ or -' })
  KAFKA_CLIENT_ID = 'sfp-reporting';

  /** Prefix of reporting's consumer groups, one per context (default sfp.reporting). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, ., _ or -' })
  REPORTING_CONSUMER_GROUP_PREFIX = 'sfp.reporting';

  /** Documents one query may read (default 50000). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REPORTING_MAX_SCANNED_ROWS = 50_000;

  /** Time one query may take, in ms (default 10000). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  REPORTING_QUERY_TIMEOUT_MS = 10_000;
}

/** KAFKA_BROKERS as a list (one parser for every standalone service). */
export { kafkaBrokersOf } from '@sfp/service-kit';
