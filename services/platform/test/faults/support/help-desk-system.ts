import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { contextTopics } from '@sfp/messaging';
import { httpClient, signIn, standaloneTestEnv } from '@sfp/testing';
import { ServiceInstance } from '../../support/scale-out/service-instance';
import { SignedCommandSender } from '../../support/scale-out/signed-commands';
import { createOperator, OPERATOR } from './fault-helpers';
import type { PrivateServers } from './private-servers';

export type Client = ReturnType<typeof httpClient>;

const HELP_DESK_MAIN = 'services/help-desk/src/main.ts';
const REPORTING_MAIN = 'services/reporting/src/main.ts';
const ADMIN_PASSWORD = 'fault suite secret phrase';
/** No call of the suite waits longer: a hung answer counts as none (`network` in the ledger). */
const CALL_BOUND_MS = 30_000;

/**
 * The distributed help desk as a department sees it, on the suite's private
 * servers: one or more help-desk processes (one database, one consumer
 * group), optionally the reporting service as its own process (its own
 * database, the same identities), an operator's session valid on all of
 * them, and a department's case system sending signed commands on
 * sfp.help-desk.commands.
 */
export class HelpDeskSystem {
  readonly instances: ServiceInstance[] = [];
  reporting?: ServiceInstance;
  department!: SignedCommandSender;
  admin!: Client;
  private session: Record<string, string> = {};
  private readonly kafka: Kafka;
  private generation = 0;

  private constructor(
    readonly servers: PrivateServers,
    readonly env: Record<string, string>,
    readonly reportingEnv: Record<string, string>,
  ) {
    this.kafka = new Kafka({
      clientId: 'sfp-fault-suite',
      brokers: servers.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
  }

  /** Starts the help desk (and reporting when asked) on `servers`; resolves once both answer ready. */
  static async start(options: {
    servers: PrivateServers;
    reporting?: boolean;
    /** Settings for the help-desk processes (failpoints, leases). */
    extra?: Record<string, string>;
  }): Promise<HelpDeskSystem> {
    const base = standaloneTestEnv({
      prefix: 'faults',
      adminPassword: ADMIN_PASSWORD,
      extra: {
        KAFKA_BROKERS: options.servers.kafkaBrokers.join(','),
        MONGODB_URI: options.servers.mongodbUri,
        SFP_PSEUDONYM_SECRET: 'fault-suite-pseudonym-secret-0123456789',
        SLA_CHECK_INTERVAL_MS: '1000',
        KAFKA_CLIENT_ID: 'sfp-help-desk-faults',
        LOG_LEVEL: 'info',
        ...options.extra,
      },
    });
    const reportingEnv = {
      ...base.env,
      MONGODB_DATABASE: `${base.env['MONGODB_DATABASE']?.slice(0, 48)}_rep`,
      KAFKA_CLIENT_ID: 'sfp-reporting-faults',
    };
    const system = new HelpDeskSystem(options.servers, base.env, reportingEnv);
    try {
      await system.addInstance();
      const first = system.instances[0] as ServiceInstance;
      system.admin = httpClient(
        `${first.url}/api`,
        await signIn(first.url, 'admin', ADMIN_PASSWORD),
      );
      await createOperator(system.admin);
      system.session = await signIn(first.url, OPERATOR.username, OPERATOR.password);
      const clientId = (
        await system.admin.post<{ id: string }>('/auth/clients', {
          name: 'ro-africa-case-system',
          department: 'regional-office-africa',
        })
      ).body.id;
      const apiKey = (
        await system.admin.post<{ apiKey: string }>(`/auth/clients/${clientId}/keys`, {
          label: 'fault suite',
        })
      ).body.apiKey;
      system.department = await SignedCommandSender.start(
        system.kafka,
        contextTopics('help-desk').commands,
        { name: 'ro-africa-case-system', department: 'regional-office-africa', apiKey },
      );
      if (options.reporting) await system.startReporting();
      return system;
    } catch (error) {
      await system.stop();
      throw error;
    }
  }

  /** One more help-desk process in the same group; resolves once it is ready. */
  async addInstance(env: Record<string, string> = {}): Promise<ServiceInstance> {
    const instance = await ServiceInstance.start(`help-desk-${++this.generation}`, HELP_DESK_MAIN, {
      ...this.env,
      ...env,
    });
    this.instances.push(instance);
    return instance;
  }

  async startReporting(): Promise<ServiceInstance> {
    this.reporting = await ServiceInstance.start('reporting', REPORTING_MAIN, this.reportingEnv);
    return this.reporting;
  }

  /** The help-desk processes still running. */
  live(): ServiceInstance[] {
    return this.instances.filter((instance) => instance.running);
  }

  /** The operator's client of an instance's help-desk API (`…/api/help-desk`). */
  helpDesk(instance: ServiceInstance): Client {
    return httpClient(`${instance.url}/api/help-desk`, this.session, { timeoutMs: CALL_BOUND_MS });
  }

  /** The operator's client of the reporting service's API (`…/api/reporting`). */
  reportingClient(): Client {
    if (!this.reporting) throw new Error('the reporting service was not started');
    return httpClient(`${this.reporting.url}/api/reporting`, this.session, {
      timeoutMs: CALL_BOUND_MS,
    });
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.instances, ...(this.reporting ? [this.reporting] : [])].map((instance) =>
        instance.stop(),
      ),
    );
    await this.department?.stop().catch(() => undefined);
  }
}

/** A short random id that makes a run's titles unique. */
export function runId(): string {
  return randomBytes(4).toString('hex');
}
