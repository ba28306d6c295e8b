import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { signCommand } from '@sfp/auth';
import { COMMAND_HEADERS } from '@sfp/messaging';

/** The four kinds of poison of scenario 4. */
export const POISON_KINDS = [
  'undecodable',
  'wrong-schema',
  'bad-signature',
  'handler-throws',
] as const;
export type PoisonKind = (typeof POISON_KINDS)[number];

/** The dead-letter reason (`dlq-reason`) each kind must land with. */
export const DEAD_LETTER_REASON_OF: Record<PoisonKind, string> = {
  undecodable: 'undecodable',
  'wrong-schema': 'schema-invalid',
  'bad-signature': 'unauthorised',
  'handler-throws': 'failed',
};

/** The rejection code of the outcome the sender gets for each kind. */
export const REJECTION_CODE_OF: Record<PoisonKind, string> = {
  undecodable: 'UNDECODABLE',
  'wrong-schema': 'SCHEMA_INVALID',
  'bad-signature': 'UNAUTHORISED',
  'handler-throws': 'COMMAND_FAILED',
};

/** One command of the stream: its id, its (unique) title, and what it is. */
export interface PlannedCommand {
  messageId: string;
  title: string;
  kind: 'valid' | PoisonKind;
  /** The n-th of its kind (variants of a kind take turns). */
  nth: number;
}

/**
 * `total` SubmitServiceRequest commands, of which 1 % are poison: one in each
 * block of 100, at a random place in it, the four kinds in turn. `total` is a
 * multiple of 400, so that every kind is there equally.
 */
export function planPoisonStream(total: number, run: string): PlannedCommand[] {
  if (total % 400 !== 0) throw new Error(`total must be a multiple of 400, got ${total}`);
  const counts = new Map<string, number>();
  const next = (kind: string) => {
    const n = counts.get(kind) ?? 0;
    counts.set(kind, n + 1);
    return n;
  };
  const plan: PlannedCommand[] = [];
  for (let block = 0; block < total / 100; block++) {
    const poisonAt = Math.floor(Math.random() * 100);
    const kind = POISON_KINDS[block % POISON_KINDS.length] as PoisonKind;
    for (let i = 0; i < 100; i++) {
      const planned = i === poisonAt ? kind : 'valid';
      const nth = next(planned);
      plan.push({
        messageId: randomUUID(),
        title:
          planned === 'valid'
            ? `Poison-run request ${nth} (${run})`
            : `Poison ${planned} ${nth} (${run})`,
        kind: planned,
        nth,
      });
    }
  }
  return plan;
}

/**
 * SFP_FAILPOINTS making exactly the `handler-throws` commands fail: the
 * inbound command gateway's failpoint `command.handle` is keyed by message id.
 */
export function handlerFailpoints(plan: PlannedCommand[]): string {
  return plan
    .filter((command) => command.kind === 'handler-throws')
    .map((command) => `command.handle=${command.messageId}:throw(poison handler failed)`)
    .join(';');
}

/** A department's system that signs what it sends (libs/auth's scheme) with its API key. */
export interface PoisonSender {
  name: string;
  department: string;
  apiKey: string;
  topic: string;
}

/**
 * The Kafka message of a planned command as a department's system would send
 * it, or as it goes wrong:
 * - valid and handler-throws: a signed, valid SubmitServiceRequest;
 * - undecodable: signed bytes that are not UTF-8 (even n) or not JSON (odd n),
 *   so that the sender is attributed and the value is what fails;
 * - wrong-schema: signed JSON the DTO refuses (unknown kind and priority, a bad e-mail);
 * - bad-signature: a valid payload altered after it was signed.
 */
export function poisonStreamMessage(command: PlannedCommand, sender: PoisonSender): Message {
  const payload = {
    requester: {
      name: 'Kofi Boateng',
      email: `kofi.boateng.${command.messageId.slice(0, 8)}@example.org`,
      origin: 'regional-office',
      organisation: 'Regional Office for Africa',
    },
    title: command.title,
    description: 'Which savings groups in the region take part in the programme?',
    kind: 'referral',
    themes: ['cooperatives'],
    region: 'africa',
    country: 'GH',
    priority: 'normal',
  };
  let value: Buffer;
  let signed: Buffer;
  switch (command.kind) {
    case 'valid':
    case 'handler-throws':
      value = signed = Buffer.from(JSON.stringify(payload));
      break;
    case 'undecodable':
      value = signed =
        command.nth % 2 === 0
          ? Buffer.concat([
              Buffer.from(`{"title":"${command.title} `),
              Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
              Buffer.from('"}'),
            ])
          : Buffer.from(JSON.stringify(payload).slice(0, 60));
      break;
    case 'wrong-schema':
      value = signed = Buffer.from(
        JSON.stringify({
          ...payload,
          kind: 'loan',
          priority: 'asap',
          requester: { ...payload.requester, email: 'not-an-email' },
        }),
      );
      break;
    case 'bad-signature':
      signed = Buffer.from(JSON.stringify({ ...payload, title: 'What was signed' }));
      value = Buffer.from(JSON.stringify(payload));
      break;
  }
  const commandType = 'SubmitServiceRequest';
  return {
    key: command.messageId,
    value,
    headers: {
      [COMMAND_HEADERS.messageId]: command.messageId,
      [COMMAND_HEADERS.commandType]: commandType,
      [COMMAND_HEADERS.sender]: sender.name,
      [COMMAND_HEADERS.department]: sender.department,
      ...signCommand({
        apiKey: sender.apiKey,
        topic: sender.topic,
        messageId: command.messageId,
        commandType,
        value: signed,
      }),
    },
  };
}
