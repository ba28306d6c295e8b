export * from './bus/event-bus.port';
export * from './bus/partitioner';
export * from './bus/embedded/embedded-event-bus';
export * from './bus/kafka/kafka-event-bus';
