import { IsIn, IsString, MaxLength } from 'class-validator';
import { parseFailpoints, setFailpoints } from '@sfp/event-sourcing';
import { EmbeddedEventBus } from '../bus/embedded/embedded-event-bus';
import type { IncomingMessage, RunningConsumer } from '../bus/event-bus.port';
import { DEAD_LETTER_HEADERS } from '../dead-letters/dead-letter-headers';
import { openSqliteConsumerState } from '../state/sqlite/sqlite-consumer-state';
import { eventually, recordTopic } from '../testing/bus-test-helpers';
import { contextTopics, provisionContextTopics } from '../topics/context-topics';
import {
  COMMAND_HEADERS,
  type CommandOutcome,
  type InboundCommandContext,
} from './inbound-command';
import { startInboundCommandGateway } from './inbound-command-gateway';

class FileRequestDto {
  @IsString()
  @MaxLength(50)
  title!: string;

  @IsIn(['low', 'high'])
  priority!: string;
}

class IllegalTransition extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
}

describe('inbound command gateway', () => {
  const topics = contextTopics('test-desk');
  let bus: EmbeddedEventBus;
  let state: ReturnType<typeof openSqliteConsumerState>;
  const running: RunningConsumer[] = [];
  const executed: Array<{ dto: FileRequestDto; context: InboundCommandContext }> = [];
  let outcomes: { messages: Array<{ value: string | null; key: string | null }> };
  let dlq: { messages: IncomingMessage[] };

  beforeEach(async () => {
    executed.length = 0;
    bus = new EmbeddedEventBus({ filename: ':memory:', retryDelayMs: 5 });
    state = openSqliteConsumerState(':memory:');
    await provisionContextTopics(bus, 'test-desk', { partitions: 2, replicationFactor: 1 });
    running.push(
      await startInboundCommandGateway({
        context: 'test-desk',
        bus,
        processed: state.processed,
        retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
        commands: [
          {
            type: 'FileRequest',
            dto: FileRequestDto,
            execute: async (dto: FileRequestDto, context) => {
              executed.push({ dto, context });
              if (dto.title === 'refuse me') throw new IllegalTransition('Request is closed');
              return {
                streamId: `request-${executed.length}`,
                streamVersion: 1,
                position: 10 + executed.length,
              };
            },
          },
        ],
        rejectionOf: (e) =>
          e instanceof IllegalTransition ? { code: e.code, message: e.message } : undefined,
      }),
    );
    const o = await recordTopic(bus, topics.outcomes);
    const d = await recordTopic(bus, topics.dlq);
    running.push(o.consumer, d.consumer);
    outcomes = o;
    dlq = d;
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await bus.close();
    state.close();
  });

  const send = (messageId: string | undefined, payload: unknown, type = 'FileRequest') =>
    bus.publish(topics.commands, [
      {
        key: messageId ?? 'none',
        value: typeof payload === 'string' ? payload : JSON.stringify(payload),
        headers: {
          ...(messageId ? { [COMMAND_HEADERS.messageId]: messageId } : {}),
          [COMMAND_HEADERS.commandType]: type,
          [COMMAND_HEADERS.sender]: 'finance-dept-system',
          [COMMAND_HEADERS.department]: 'FINANCE',
        },
      },
    ]);
  const outcome = (i: number) => JSON.parse(outcomes.messages[i]!.value!) as CommandOutcome;

  it('executes a valid command and publishes the accepted outcome keyed by the message id', async () => {
    await send('msg-1', { title: 'Guidance on a guarantee fund', priority: 'high' });
    await eventually(() => outcomes.messages.length === 1, 'outcome');
    expect(executed).toHaveLength(1);
    expect(executed[0]!.dto).toBeInstanceOf(FileRequestDto);
    expect(executed[0]!.context).toEqual({
      messageId: 'msg-1',
      correlationId: 'msg-1',
      causationId: 'msg-1',
      actor: { kind: 'integration-client', id: 'finance-dept-system', department: 'FINANCE' },
    });
    expect(outcomes.messages[0]!.key).toBe('msg-1');
    expect(outcome(0)).toMatchObject({
      messageId: 'msg-1',
      status: 'accepted',
      streamId: 'request-1',
      streamVersion: 1,
      position: 11,
    });
  });

  it('dead-letters an invalid command with field errors and tells the sender', async () => {
    await send('msg-2', { title: 'x'.repeat(51), priority: 'urgent', $where: 'sleep(1000)' });
    await eventually(
      () => outcomes.messages.length === 1 && dlq.messages.length === 1,
      'outcome + dead letter',
    );
    expect(executed).toHaveLength(0);
    const fieldErrors = JSON.parse(
      dlq.messages[0]!.headers[DEAD_LETTER_HEADERS.fieldErrors]!,
    ) as Array<{ field: string }>;
    expect(fieldErrors.map((f) => f.field).sort()).toEqual(['$where', 'priority', 'title']);
    expect(dlq.messages[0]!.headers[DEAD_LETTER_HEADERS.reason]).toBe('schema-invalid');
    expect(outcome(0)).toMatchObject({
      messageId: 'msg-2',
      status: 'rejected',
      rejection: { code: 'SCHEMA_INVALID' },
    });
  });

  it('handles the same message twice only once, and repeats its outcome', async () => {
    await send('msg-3', { title: 'Referral', priority: 'low' });
    await send('msg-3', { title: 'Referral', priority: 'low' });
    await eventually(() => outcomes.messages.length === 2, 'two outcomes');
    expect(executed).toHaveLength(1);
    expect(outcome(1)).toEqual(outcome(0));
  });

  it('publishes a rejection from the domain as a rejected outcome, not a dead letter', async () => {
    await send('msg-4', { title: 'refuse me', priority: 'low' });
    await eventually(() => outcomes.messages.length === 1, 'outcome');
    expect(outcome(0)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'ILLEGAL_TRANSITION', message: 'Request is closed' },
    });
    expect(dlq.messages).toHaveLength(0);
  });

  it('dead-letters messages without an id, of unknown type, or not JSON', async () => {
    await send(undefined, { title: 'a', priority: 'low' });
    await send('msg-5', { title: 'a', priority: 'low' }, 'DeleteEverything');
    await send('msg-6', '{not json');
    await eventually(() => dlq.messages.length === 3, 'three dead letters');
    const reasons = dlq.messages.map((m) => m.headers[DEAD_LETTER_HEADERS.reason]);
    expect(reasons.sort()).toEqual(['schema-invalid', 'schema-invalid', 'undecodable']);
    await eventually(() => outcomes.messages.length === 2, 'outcomes for the two with ids');
    expect(executed).toHaveLength(0);
  });

  it('dead-letters a value that is not UTF-8 as undecodable, with its key, value and headers byte for byte', async () => {
    const value = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0xc3]), Buffer.from('{"a":1}')]);
    const key = Buffer.from([0x80, 0x81, 0x6b]);
    const odd = Buffer.from([0xfe, 0x01]);
    await bus.publish(topics.commands, [
      {
        key,
        value,
        headers: {
          [COMMAND_HEADERS.messageId]: 'msg-7',
          [COMMAND_HEADERS.commandType]: 'FileRequest',
          [COMMAND_HEADERS.sender]: 'finance-dept-system',
          'x-odd': [odd, Buffer.from('second')],
        },
      },
    ]);
    await eventually(() => dlq.messages.length === 1 && outcomes.messages.length === 1, 'dlq');
    const letter = dlq.messages[0]!;
    expect(letter.headers[DEAD_LETTER_HEADERS.reason]).toBe('undecodable');
    expect(letter.headers[DEAD_LETTER_HEADERS.error]).toBe('The command payload is not UTF-8');
    expect(letter.raw!.value!.equals(value)).toBe(true);
    expect(letter.raw!.key!.equals(key)).toBe(true);
    expect(letter.raw!.headers['x-odd']!.map((b) => b.toString('hex'))).toEqual([
      odd.toString('hex'),
      Buffer.from('second').toString('hex'),
    ]);
    expect(outcome(0)).toMatchObject({
      messageId: 'msg-7',
      status: 'rejected',
      rejection: { code: 'UNDECODABLE', message: 'The command payload is not UTF-8' },
    });
    expect(executed).toHaveLength(0);
  });

  it('checks who sent a message before anything else: an unattributed one is unauthorised, whatever it holds', async () => {
    await bus.publish(topics.commands, [
      {
        key: 'k',
        value: Buffer.from([0xff, 0xfe, 0xfd]),
        headers: { [COMMAND_HEADERS.commandType]: 'NoSuchCommand' },
      },
    ]);
    await eventually(() => dlq.messages.length === 1, 'dead letter');
    expect(dlq.messages[0]!.headers[DEAD_LETTER_HEADERS.reason]).toBe('unauthorised');
    expect(dlq.messages[0]!.raw!.value!.toString('hex')).toBe('fffefd');
  });

  it('makes exactly the message of the failpoint command.handle fail, retried then dead-lettered as failed', async () => {
    // The fault suite's "handler that throws": keyed by message id, so its twin passes.
    setFailpoints(parseFailpoints('command.handle=msg-poison:throw(handler failed)'));
    try {
      await send('msg-poison', { title: 'Poison', priority: 'low' });
      await send('msg-twin', { title: 'Twin', priority: 'low' });
      await eventually(() => outcomes.messages.length === 2 && dlq.messages.length === 1, 'both');
    } finally {
      setFailpoints(undefined);
    }
    expect(dlq.messages[0]!.headers).toMatchObject({
      [COMMAND_HEADERS.messageId]: 'msg-poison',
      [DEAD_LETTER_HEADERS.reason]: 'failed',
      [DEAD_LETTER_HEADERS.attempts]: '2',
      [DEAD_LETTER_HEADERS.error]: 'Error: handler failed (failpoint command.handle=msg-poison)',
    });
    expect(executed.map((e) => e.dto.title)).toEqual(['Twin']);
    const byId = new Map([0, 1].map((i) => [outcome(i).messageId, outcome(i)]));
    expect(byId.get('msg-twin')).toMatchObject({ status: 'accepted' });
    expect(byId.get('msg-poison')).toMatchObject({
      status: 'rejected',
      rejection: { code: 'COMMAND_FAILED' },
    });
  });
});
