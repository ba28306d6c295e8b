import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { AuthConfig } from '@sfp/auth';

/** A comma-separated list of host:port (host name or IPv4 address). */
const BROKER_LIST = /^\s*[A-Za-z0-9._-]+:\d{1,5}\s*(?:,\s*[A-Za-z0-9._-]+:\d{1,5}\s*)*$/;

/**
 * The standalone knowledge base's settings (distributed mode: Kafka and
 * MongoDB), read from the environment with `loadConfig` at start. Every
 * problem is reported at once; no value is echoed.
 */
export class KnowledgeBaseServiceConfig extends AuthConfig {
  /** The shared database of identities (users, integration clients, API keys): the same in every service. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'must be 1 to 63 letters, digits, _ or -' })
  SFP_AUTH_DATABASE = 'sfp_auth';

  /** Kafka bootstrap brokers, e.g. `127.0.0.1:9092`. Required. */
  @Matches(BROKER_LIST, {
    message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092 (required)',
  })
  KAFKA_BROKERS!: string;

  /** The MongoDB (or FerretDB) server, e.g. `mongodb://127.0.0.1:27017`. Required. */
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: 'must be a mongodb:// or mongodb+srv:// connection string (required)',
  })
  MONGODB_URI!: string;

  /** The knowledge base's own database on that server (default sfp_knowledge_base). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'must be 1 to 63 letters, digits, _ or -' })
  MONGODB_DATABASE = 'sfp_knowledge_base';

  /** HTTP port (default 3003; 0 = any free port). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3003;

  /** Interface to listen on (default 127.0.0.1; 0.0.0.0 in a container). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @IsOptional()
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';

  /** Partitions of the sfp.knowledge-base.* topics when this service creates them (default 3). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 3;

  /** Replication factor of the topics when this service creates them (default 1). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  KAFKA_REPLICATION_FACTOR = 1;

  /** The Kafka client id (default sfp-knowledge-base). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, ., _ or -' })
  KAFKA_CLIENT_ID = 'sfp-knowledge-base';
}

/** KAFKA_BROKERS as a list (one parser for every standalone service). */
export { kafkaBrokersOf } from '@sfp/service-kit';
