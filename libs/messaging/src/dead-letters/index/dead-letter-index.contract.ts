import { useContractFixture } from '@sfp/event-sourcing/testing';
import type { DeadLetterEntry } from './dead-letter-entry';
import type { DeadLetterIndex } from './dead-letter-index.port';

/** The one contract of every DeadLetterIndex adapter; `open` gives an empty index. */
export function deadLetterIndexContract(
  name: string,
  open: () => Promise<{ index: DeadLetterIndex; cleanup(): Promise<void> }>,
): void {
  describe(`DeadLetterIndex contract: ${name}`, () => {
    let index: DeadLetterIndex;
    useContractFixture(open, {
      opened: (opened) => (index = opened.index),
      closing: () => index.close(),
    });

    const entry = (topic: string, offset: number, at: string): DeadLetterEntry => ({
      id: `${topic}@0:${offset}`,
      dlqTopic: topic,
      partition: 0,
      offset: String(offset),
      key: `k-${offset}`,
      payload: `{"n":${offset},"$where":"x","a.b":1}`,
      payloadTruncated: false,
      headers: { 'message-id': `m-${offset}` },
      reason: 'schema-invalid',
      error: `bad ${offset}`,
      fieldErrors: [{ field: 'title', messages: ['is required'] }],
      originalTopic: topic.replace('.dlq', '.commands'),
      originalPartition: 1,
      originalOffset: String(100 + offset),
      consumerGroup: 'sfp.help-desk.command-gateway',
      deadLetteredAt: at,
      status: 'pending',
    });

    it('records an entry once and gives it back whole', async () => {
      const e = entry('sfp.help-desk.dlq', 1, '2026-11-29T10:00:00.000Z');
      expect(await index.record(e)).toBe(true);
      expect(await index.record(e)).toBe(false);
      expect(await index.get(e.id)).toEqual(e);
      expect(await index.get('sfp.help-desk.dlq@0:999')).toBeUndefined();
    });

    it('lists newest first, by topic and status, in pages that cover everything once', async () => {
      for (let i = 0; i < 7; i++) {
        await index.record(
          entry(
            i % 2 ? 'sfp.help-desk.dlq' : 'sfp.reporting.dlq',
            i,
            `2026-11-29T10:00:0${i % 4}.000Z`,
          ),
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await index.list({ limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(7);
      expect(seen).toHaveLength(7);
      const all = (await index.list({ limit: 200 })).items;
      const keys = all.map((e) => `${e.deadLetteredAt}|${e.id}`);
      expect(keys).toEqual([...keys].sort().reverse());
      expect(
        (await index.list({ dlqTopics: ['sfp.help-desk.dlq'] })).items.map((e) => e.offset).sort(),
      ).toEqual(['1', '3', '5']);
      expect((await index.list({ dlqTopics: [] })).items).toEqual([]);
      expect(await index.summary()).toEqual([
        { dlqTopic: 'sfp.help-desk.dlq', pending: 3, redriven: 0 },
        { dlqTopic: 'sfp.reporting.dlq', pending: 4, redriven: 0 },
      ]);
    });

    it('lets one caller claim a re-drive, and a released claim be taken again', async () => {
      const e = entry('sfp.help-desk.dlq', 1, '2026-11-29T10:00:00.000Z');
      await index.record(e);
      const claims = await Promise.all(
        Array.from({ length: 5 }, () =>
          index.claimRedrive(e.id, '2026-11-29T11:00:00.000Z', 'user-1'),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await index.get(e.id)).toMatchObject({
        status: 'redriven',
        redrivenAt: '2026-11-29T11:00:00.000Z',
        redrivenBy: 'user-1',
      });
      expect((await index.list({ status: 'pending' })).items).toEqual([]);
      await index.releaseRedrive(e.id);
      expect(await index.get(e.id)).toEqual(e);
      expect(await index.claimRedrive(e.id, '2026-11-29T12:00:00.000Z', 'user-2')).toBe(true);
      expect(await index.summary()).toEqual([
        { dlqTopic: 'sfp.help-desk.dlq', pending: 0, redriven: 1 },
      ]);
      expect(await index.claimRedrive('missing', '2026-11-29T12:00:00.000Z', 'user-2')).toBe(false);
    });
  });
}
