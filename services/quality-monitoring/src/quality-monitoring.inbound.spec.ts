import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { COMMAND_HEADERS, contextTopics } from '@sfp/messaging';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import { qualityMonitoringService } from './quality-monitoring.service';
import { proposalBody } from './testing';

type Json = Record<string, any>;
const topics = contextTopics('quality-monitoring');

/**
 * A department's project system on sfp.quality-monitoring.commands, as the
 * embedded platform hosts the context: a proposal submitted, the same
 * message delivered again, a withdrawal, and the refusals it hears about on
 * sfp.quality-monitoring.outcomes.
 */
describe('quality-monitoring inbound commands', () => {
  let host: EmbeddedContextHost;

  beforeAll(async () => {
    host = await startEmbeddedContextHost(qualityMonitoringService, {
      clock: () => new Date('2026-06-01T08:00:00.000Z'),
    });
  });
  afterAll(async () => {
    await host?.close();
  });

  const send = async (
    commandType: string,
    payload: unknown,
    messageId: string = randomUUID(),
    department = 'SKILLS',
  ): Promise<string> => {
    await host.bus.publish(topics.commands, [
      {
        key: messageId,
        value: JSON.stringify(payload),
        headers: {
          [COMMAND_HEADERS.messageId]: messageId,
          [COMMAND_HEADERS.commandType]: commandType,
          [COMMAND_HEADERS.sender]: `project-system-${department.toLowerCase()}`,
          [COMMAND_HEADERS.department]: department,
        },
      },
    ]);
    return messageId;
  };
  const outcomes = (messageId: string): Json[] =>
    [0, 1]
      .flatMap((partition) => host.bus.read(topics.outcomes, partition, 0))
      .map((m) => JSON.parse(m.value ?? '{}') as Json)
      .filter((outcome) => outcome['messageId'] === messageId);
  const outcomeOf = async (messageId: string, count = 1): Promise<Json> => {
    const until = Date.now() + 20_000;
    for (;;) {
      const found = outcomes(messageId);
      if (found.length >= count) return found[count - 1] as Json;
      if (Date.now() > until) throw new Error(`No outcome for ${messageId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('submits once per message, withdraws, and tells the sender what it refuses', async () => {
    const body = proposalBody({ department: 'SKILLS' });
    const messageId = await send('SubmitProposal', body);
    const accepted = await outcomeOf(messageId);
    expect(accepted).toMatchObject({
      status: 'accepted',
      commandType: 'SubmitProposal',
      streamVersion: 1,
    });
    const streamId = String(accepted['streamId']);
    const proposalId = streamId.replace(/^proposal-/, '');
    const [submitted] = await host.events.readStream(streamId);
    expect(submitted?.data).toMatchObject({
      proposalId,
      version: 1,
      origin: { channel: 'kafka', submittedBy: 'project-system-skills' },
    });

    // The same message again: the same proposal, nothing more recorded.
    await send('SubmitProposal', body, messageId);
    expect(await outcomeOf(messageId, 2)).toMatchObject({
      status: 'accepted',
      streamId,
      streamVersion: 1,
    });
    expect(await host.events.streamVersion(streamId)).toBe(1);

    // Another department's system does not see it.
    const foreign = await send(
      'WithdrawProposal',
      { proposalId, reason: 'Not ours to withdraw' },
      undefined,
      'FINANCE',
    );
    expect(await outcomeOf(foreign)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'PROPOSAL_NOT_FOUND' },
    });

    const withdrawn = await send('WithdrawProposal', {
      proposalId,
      reason: 'The donor moved the funds to 2027',
    });
    expect(await outcomeOf(withdrawn)).toMatchObject({ status: 'accepted', streamVersion: 2 });
    const again = await send('WithdrawProposal', { proposalId, reason: 'Once more' });
    expect(await outcomeOf(again)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'ILLEGAL_TRANSITION' },
    });

    const elsewhere = await send('SubmitProposal', { ...body, department: 'FINANCE' });
    expect(await outcomeOf(elsewhere)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'RULE_VIOLATED' },
    });

    const invalid = await send('SubmitProposal', { ...body, countries: ['Ghana'] });
    expect(await outcomeOf(invalid)).toMatchObject({ status: 'rejected' });
  });
});
