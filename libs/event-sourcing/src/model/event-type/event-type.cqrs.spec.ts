import 'reflect-metadata';
import { Injectable } from '@nestjs/common';
import { CqrsModule, EventBus, EventsHandler, type IEvent, type IEventHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { recorded } from '../test-fixtures/recorded.fixture';
import { AmountDeposited, LedgerClosed, ledgerEventTypes } from '../test-fixtures/ledger.events';

@Injectable()
@EventsHandler(AmountDeposited)
class DepositsSeen implements IEventHandler<AmountDeposited> {
  readonly seen: AmountDeposited[] = [];
  handle(event: AmountDeposited): void {
    this.seen.push(event);
  }
}

describe('event classes on the @nestjs/cqrs event bus', () => {
  it('routes a hydrated event to the handler of its class only', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [DepositsSeen],
    }).compile();
    await moduleRef.init();
    const registry = ledgerEventTypes();
    const deposit: IEvent = registry.hydrate(
      recorded('ledger.AmountDeposited', 1, { amountCents: 700 }),
    );
    const closed: IEvent = registry.hydrate(
      recorded('ledger.LedgerClosed', 1, { closedAt: '2024-01-01' }),
    );
    expect(closed).toBeInstanceOf(LedgerClosed);

    moduleRef.get(EventBus).publishAll([deposit, closed]);
    await new Promise((resolve) => setImmediate(resolve));

    const handler = moduleRef.get(DepositsSeen);
    expect(handler.seen).toHaveLength(1);
    expect(handler.seen[0]!.data).toEqual({ amount: 7, currency: 'EUR' });
    await moduleRef.close();
  });
});
