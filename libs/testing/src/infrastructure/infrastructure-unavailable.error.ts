/** Raised when integration tests cannot reach, or start, the servers they need. */
export class InfrastructureUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfrastructureUnavailableError';
  }
}

export const HOW_TO_START_LOCAL_SERVERS = [
  'Integration tests need a real Kafka broker and a MongoDB-protocol server.',
  'On a machine without Docker, start them from the repository root with:',
  '    bash infra/local/up',
  'then run the tests with their addresses:',
  '    KAFKA_BROKERS=127.0.0.1:9092 MONGODB_URI=mongodb://127.0.0.1:27017 npm test',
  'With a Docker engine and both variables unset, the harness starts containers itself.',
].join('\n');
