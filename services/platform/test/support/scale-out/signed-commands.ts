import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { signCommand } from '@sfp/auth';
import { COMMAND_HEADERS } from '@sfp/messaging';

/**
 * A department's system filing requests by message on sfp.help-desk.commands,
 * signed with its API key. A command counts as sent once the broker
 * acknowledged it: from then on it must take effect exactly once, whichever
 * instance of the consumer group handles it, and even if that one dies.
 */
export class SignedCommandSender {
  /** The titles of the requests sent and acknowledged by the broker. */
  readonly sent: string[] = [];

  private constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly sender: { name: string; department: string; apiKey: string },
  ) {}

  static async start(
    kafka: Kafka,
    topic: string,
    sender: { name: string; department: string; apiKey: string },
  ): Promise<SignedCommandSender> {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return new SignedCommandSender(producer, topic, sender);
  }

  /** Sends one SubmitServiceRequest titled `title`. */
  async submit(title: string): Promise<void> {
    const messageId = randomUUID();
    const commandType = 'SubmitServiceRequest';
    const value = JSON.stringify({
      requester: {
        name: 'Kofi Boateng',
        email: `kofi.boateng.${messageId.slice(0, 8)}@example.org`,
        origin: 'regional-office',
        organisation: 'Regional Office for Africa',
      },
      title,
      description: 'Which savings groups in the region take part in the programme?',
      kind: 'referral',
      themes: ['cooperatives'],
      region: 'africa',
      country: 'GH',
      priority: 'normal',
    });
    const headers = {
      [COMMAND_HEADERS.messageId]: messageId,
      [COMMAND_HEADERS.commandType]: commandType,
      [COMMAND_HEADERS.sender]: this.sender.name,
      [COMMAND_HEADERS.department]: this.sender.department,
      ...signCommand({
        apiKey: this.sender.apiKey,
        topic: this.topic,
        messageId,
        commandType,
        value,
      }),
    };
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: messageId, value, headers }],
    });
    this.sent.push(title);
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}
