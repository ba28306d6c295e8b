import { uniqueName } from '@sfp/testing';
import { kafkaTestBus } from '../../testing/kafka-test-bus';
import { describeEventBusContract } from '../event-bus.contract';

describeEventBusContract(
  'Kafka (real broker)',
  async () => {
    const base = uniqueName('bus-contract');
    const created: string[] = [];
    return {
      ...kafkaTestBus('contract-test', () => created),
      topicName: (suffix) => {
        const name = `${base}.${suffix}`;
        created.push(name);
        return name;
      },
    };
  },
  { settleMs: 3_000 },
);
