import { failpoint, type Actor } from '@sfp/event-sourcing';
import {
  bytesOf,
  type EventBus,
  type IncomingMessage,
  type RunningConsumer,
} from '../bus/event-bus.port';
import type { ProcessedMessageStore } from '../state/consumer-state.port';
import { contextTopics } from '../topics/context-topics';
import { DeadLetterError, type FieldError } from '../dead-letters/dead-letter.errors';
import { startReliableConsumer, type DeadLetterNotice } from '../consumer/reliable-consumer';
import type { RetryPolicy } from '../consumer/retry-policy';
import {
  COMMAND_HEADERS,
  DEAD_LETTER_REJECTION_CODES,
  type CommandOutcome,
  type CommandRejection,
  type InboundCommandDefinition,
} from './inbound-command';
import { validateDto } from './validate-dto';

export interface InboundCommandGatewayOptions {
  context: string;
  bus: EventBus;
  processed: ProcessedMessageStore;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  commands: Array<InboundCommandDefinition<any>>;
  /**
   * Which errors refuse the command for good (reported as `rejected`), e.g.
   * an illegal transition or an unknown id. Anything else is retried as transient.
   */
  rejectionOf: (error: unknown) => CommandRejection | undefined;
  /**
   * Who sent the message, or why it cannot be attributed (→ dead letter,
   * reason `unauthorised`). Services pass libs/auth's signed-header check;
   * the default trusts the `sender` and `department` headers (tests only).
   */
  actorOf?: (
    message: IncomingMessage,
  ) => Actor | DeadLetterError | Promise<Actor | DeadLetterError>;
  groupId?: string;
  retry?: Partial<RetryPolicy>;
  now?: () => Date;
  onDeadLetter?: (notice: DeadLetterNotice) => void;
}

interface DecodedCommand {
  messageId: string;
  definition: InboundCommandDefinition<object>;
  dto: object;
  correlationId: string;
  actor: Actor;
}

/**
 * Takes department commands from `sfp.<context>.commands`: validates them with
 * the same DTOs as HTTP, sends valid ones to the command bus, and publishes the
 * outcome on `sfp.<context>.outcomes` keyed by the sender's message id.
 * Invalid messages go to `sfp.<context>.dlq` with their field errors (and the
 * sender still gets a `rejected` outcome when the message had an id).
 * A message id seen before is not executed again: its recorded outcome is
 * published again instead.
 */
export async function startInboundCommandGateway(
  options: InboundCommandGatewayOptions,
): Promise<RunningConsumer> {
  const topics = contextTopics(options.context);
  const groupId = options.groupId ?? `sfp.${options.context}.command-gateway`;
  const now = options.now ?? (() => new Date());
  const definitions = new Map(options.commands.map((c) => [c.type, c]));

  const publishOutcome = (outcome: CommandOutcome) =>
    options.bus.publish(topics.outcomes, [
      {
        key: outcome.messageId,
        value: JSON.stringify(outcome),
        headers: {
          [COMMAND_HEADERS.messageId]: outcome.messageId,
          status: outcome.status,
          ...(outcome.commandType ? { [COMMAND_HEADERS.commandType]: outcome.commandType } : {}),
        },
      },
    ]);

  const decode = async (message: IncomingMessage): Promise<DecodedCommand> => {
    // Who sent it comes first: nothing of an unattributed message is read
    // (unsigned, altered or wrongly keyed: `unauthorised`).
    const actor = await (options.actorOf ?? actorFromHeaders)(message);
    if (actor instanceof DeadLetterError) throw actor;
    const messageId = message.headers[COMMAND_HEADERS.messageId];
    const commandType = message.headers[COMMAND_HEADERS.commandType];
    const headerErrors: FieldError[] = [];
    if (!messageId)
      headerErrors.push({
        field: `headers.${COMMAND_HEADERS.messageId}`,
        messages: ['is required'],
      });
    if (!commandType)
      headerErrors.push({
        field: `headers.${COMMAND_HEADERS.commandType}`,
        messages: ['is required'],
      });
    if (!messageId || !commandType) {
      throw new DeadLetterError(
        'schema-invalid',
        'The command message lacks required headers',
        headerErrors,
      );
    }
    const definition = definitions.get(commandType);
    if (!definition) {
      throw new DeadLetterError('schema-invalid', `Unknown command type "${commandType}"`, [
        {
          field: `headers.${COMMAND_HEADERS.commandType}`,
          messages: [`must be one of: ${[...definitions.keys()].join(', ')}`],
        },
      ]);
    }
    const payload = decodeJsonPayload(bytesOf(message).value);
    const validated = await validateDto(definition.dto, payload);
    if ('errors' in validated) {
      throw new DeadLetterError(
        'schema-invalid',
        `${commandType} is invalid: ${validated.errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
        validated.errors,
      );
    }
    return {
      messageId,
      definition,
      dto: validated.value,
      correlationId: message.headers[COMMAND_HEADERS.correlationId] || messageId,
      actor,
    };
  };

  const handle = async (command: DecodedCommand) => {
    const previous = await options.processed.find(groupId, command.messageId);
    if (previous) {
      await publishOutcome(previous.outcome as CommandOutcome);
      return;
    }
    // The fault suite's "handler that throws" (SFP_FAILPOINTS, off otherwise),
    // keyed by the sender's message id so that a test makes exactly the
    // messages it chose fail, however many of the same type pass beside them
    // (`command.handle=<message-id>:throw(…)`). Before `execute` and outside
    // the try: an error here is a failure of the platform, retried and then
    // dead-lettered as `failed`, never a refusal the sender is told of as final.
    await failpoint('command.handle', command.messageId);
    let outcome: CommandOutcome;
    try {
      const accepted = await command.definition.execute(command.dto, {
        messageId: command.messageId,
        correlationId: command.correlationId,
        causationId: command.messageId,
        actor: command.actor,
      });
      outcome = {
        messageId: command.messageId,
        commandType: command.definition.type,
        status: 'accepted',
        ...accepted,
        handledAt: now().toISOString(),
      };
    } catch (error) {
      const rejection = options.rejectionOf(error);
      if (!rejection) throw error; // transient: the consumer retries with backoff
      outcome = {
        messageId: command.messageId,
        commandType: command.definition.type,
        status: 'rejected',
        rejection,
        handledAt: now().toISOString(),
      };
    }
    // Recorded first: if publishing fails, the redelivered message finds the
    // outcome and publishes it, without executing the command a second time.
    if (!(await options.processed.record(groupId, command.messageId, outcome))) {
      const winner = await options.processed.find(groupId, command.messageId);
      if (winner) outcome = winner.outcome as CommandOutcome;
    }
    await publishOutcome(outcome);
  };

  return startReliableConsumer<DecodedCommand>({
    bus: options.bus,
    groupId,
    topics: [topics.commands],
    deadLetterTopic: () => topics.dlq,
    decode,
    handle,
    retry: options.retry,
    onDeadLetter: async (notice) => {
      options.onDeadLetter?.(notice);
      const messageId = notice.message.headers[COMMAND_HEADERS.messageId];
      if (!messageId) return;
      await publishOutcome({
        messageId,
        commandType: notice.message.headers[COMMAND_HEADERS.commandType],
        status: 'rejected',
        rejection: {
          code: DEAD_LETTER_REJECTION_CODES[notice.reason],
          message: notice.error,
          ...(notice.fieldErrors.length ? { fieldErrors: notice.fieldErrors } : {}),
        },
        handledAt: now().toISOString(),
      });
    },
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The command's payload from the value's exact bytes: UTF-8 (strictly: a
 * byte sequence that is not UTF-8 is refused, never replaced) holding JSON.
 * Otherwise a dead letter with reason `undecodable`.
 */
export function decodeJsonPayload(value: Buffer | null): unknown {
  if (value === null) {
    throw new DeadLetterError('undecodable', 'The command message has no value (a tombstone)');
  }
  let text: string;
  try {
    text = strictUtf8.decode(value);
  } catch {
    throw new DeadLetterError('undecodable', 'The command payload is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DeadLetterError(
      'undecodable',
      `The command payload is not JSON: ${(error as Error).message}`,
    );
  }
}

function actorFromHeaders(message: IncomingMessage): Actor | DeadLetterError {
  const sender = message.headers[COMMAND_HEADERS.sender];
  if (!sender) {
    return new DeadLetterError('unauthorised', 'The command names no sender', [
      { field: `headers.${COMMAND_HEADERS.sender}`, messages: ['is required'] },
    ]);
  }
  const department = message.headers[COMMAND_HEADERS.department];
  return { kind: 'integration-client', id: sender, ...(department ? { department } : {}) };
}
