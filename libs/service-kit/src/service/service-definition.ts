import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventTypeRegistry, RecordedEvent } from '@sfp/event-sourcing';
import type { CommandRejection, InboundCommandDefinition } from '@sfp/messaging';
import type { ProjectionDefinition } from '@sfp/projections';
import { loadConfig } from '../config/env-config';
import { contextProviders, type ContextDependencies } from './context-dependencies';
import { ContextWorkers, SERVICE_DEFINITION } from './context.workers';
import { createProjectionsController } from '../app/projections.controller';
import { LOGGER, PROJECTION_ENGINE } from './context.tokens';

/** Background work of a context beyond the common one (a schedule, a seed): started after it, stopped before it. */
export interface ContextWorker {
  start(): Promise<void> | void;
  /** Nothing to stop for a one-off job at start (a seed). */
  stop?(): Promise<void> | void;
}

/**
 * A reaction to the context's own events (a policy that issues commands): a
 * subscription of its projection engine, with its own checkpoint. Stopped
 * before the projections it may wait for.
 */
export interface ContextReactor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition(): ProjectionDefinition<any>;
}

/**
 * A reaction to another context's public events (`sfp.<source>.events`): a
 * consumer group of its own (`sfp-<context>.<name>`), from the beginning of
 * the topic, at least once. `handle` must be idempotent: a redelivery or a
 * replay of the topic from the start changes nothing more. An undecodable
 * message, or one `handle` refuses with DeadLetterError or PermanentFailure,
 * goes to `sfp.<context>.dlq` with its reason; other failures are retried.
 */
export interface ContextSubscription {
  /** The context whose public events it follows. */
  readonly source: string;
  /** Its name in this context (kebab-case): part of its consumer group. */
  readonly name: string;
  /** The event types it handles; the topic's other events are passed over. */
  readonly eventTypes: readonly string[];
  handle(event: RecordedEvent): Promise<void>;
}

/** What departments' systems may do by message on `sfp.<context>.commands`. */
export interface InboundCommandSource {
  commands(): Array<InboundCommandDefinition<object>>;
  /** The errors that refuse a command for good (reported `rejected`); anything else is retried. */
  rejectionOf(error: unknown): CommandRejection | undefined;
}

/** One declaration per bounded context: everything a host needs to run it, in either mode. */
export interface ServiceDeclaration<Settings extends object = object> {
  /** The context's name, kebab-case: the route prefix /api/<context>, the topics sfp.<context>.*, the database sfp_<context>. */
  context: string;
  /** Title of its OpenAPI document when it runs on its own, e.g. "SFP Help Desk". */
  title: string;
  /** Description of that document. */
  description: string;
  /** HTTP port when it runs on its own (PORT overrides it). */
  defaultPort: number;
  /**
   * Whether it holds personal data: it gets pseudonymous person ids
   * (PERSON_ID_OF), so its standalone service requires SFP_PSEUDONYM_SECRET.
   */
  personalData?: boolean;
  /** The event types its store accepts and it publishes. */
  eventTypes: () => EventTypeRegistry;
  /** HTTP status of each refusal code of its domain. */
  errorStatuses: Record<string, number>;
  /**
   * A class-validator class of its own environment variables (defaults as
   * field initialisers), read by both hosts; the instance is the
   * CONTEXT_SETTINGS token.
   */
  settings?: new () => Settings;
  controllers?: Type[];
  /** Command handlers, query services, and tokens of its own (e.g. a policy built from its settings). */
  providers?: Provider[];
  /** Its read models, run by its projection engine. */
  projections?: ReadonlyArray<ProjectionDefinition<never>>;
  /** Its reactors (providers), registered on the projection engine. */
  reactors?: Type<ContextReactor>[];
  /** The provider that defines its inbound Kafka commands. */
  inboundCommands?: Type<InboundCommandSource>;
  /** Its reactions to other contexts' public events (providers), started after the inbound gateway. */
  subscriptions?: Type<ContextSubscription>[];
  /** Further background work (providers), started after the common work in this order. */
  workers?: Type<ContextWorker>[];
}

/** A declaration made ready to mount: its Nest module class and how to build it from a host's dependencies. */
export interface ServiceDefinition<Settings extends object = object>
  extends Readonly<ServiceDeclaration<Settings>> {
  /** The context's Nest module class (for RouterModule and `app.select`). */
  readonly module: Type;
  /** Where a host mounts it: `api/<context>`. */
  readonly routePath: string;
  /** Every controller its module mounts: its own and the projection operations (permission audits). */
  readonly mountedControllers: readonly Type[];
  /** A token of its projection engine unique to the context, exported: `app.get(definition.projectionEngine)`. */
  readonly projectionEngine: symbol;
  /** Reads its settings from a source of variables (the environment, a host's config); throws ConfigurationError. */
  loadSettings(source: Record<string, unknown>): Settings;
  /** Its module, given a host's dependencies (embedded or distributed). */
  register(dependencies: ContextDependencies, settings: Settings): DynamicModule;
}

const CONTEXT_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Declares a bounded context once; the embedded host and the standalone host
 * (startStandaloneService) both mount the result. The module it builds holds
 * the context's typed dependency tokens (context.tokens.ts), its projection
 * engine, its command pipeline, its controllers and providers, the projection
 * operations at /api/<context>/projections, and the common background work
 * (ContextWorkers): projections and reactors, topics, outbox relay, inbound
 * command gateway, subscriptions to other contexts' events, then its own workers.
 */
export function defineService<Settings extends object = object>(
  declaration: ServiceDeclaration<Settings>,
): ServiceDefinition<Settings> {
  const { context } = declaration;
  if (!CONTEXT_NAME_PATTERN.test(context))
    throw new RangeError(`A context's name is kebab-case (e.g. help-desk), got "${context}"`);
  const name = context.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  const moduleClass = { [`${name}Module`]: class {} }[`${name}Module`] as Type;
  Module({})(moduleClass);
  const projectionEngine = Symbol(`sfp.${context}.projection-engine`);
  const projectionsController = createProjectionsController({
    tag: `${context}: operations`,
    projections: PROJECTION_ENGINE,
    logger: LOGGER,
  });

  const definition: ServiceDefinition<Settings> = {
    ...declaration,
    module: moduleClass,
    routePath: `api/${context}`,
    projectionEngine,
    mountedControllers: [...(declaration.controllers ?? []), projectionsController],
    loadSettings: (source) =>
      declaration.settings
        ? loadConfig(declaration.settings, source as NodeJS.ProcessEnv)
        : ({} as Settings),
    register: (dependencies, settings) => ({
      module: moduleClass,
      imports: [CqrsModule],
      controllers: [...definition.mountedControllers],
      providers: [
        ...contextProviders(context, dependencies, settings),
        { provide: SERVICE_DEFINITION, useValue: definition },
        { provide: projectionEngine, useExisting: PROJECTION_ENGINE },
        ...(declaration.providers ?? []),
        ...(declaration.reactors ?? []),
        ...(declaration.inboundCommands ? [declaration.inboundCommands] : []),
        ...(declaration.subscriptions ?? []),
        ...(declaration.workers ?? []),
        ContextWorkers,
      ],
      exports: [projectionEngine],
    }),
  };
  return Object.freeze(definition);
}
