import type { EventStore, RecordedEvent } from '@sfp/event-sourcing';
import { newEvent } from '@sfp/event-sourcing/testing';
import { defineProjection, type ProjectionDefinition } from '../projection/projection.definition';
import type { ViewWriter } from '../projection/view-writer';

/**
 * A small projection for the library's tests: one document per ticket stream
 * plus a `totals` document counting every event applied. The counters are
 * read-modify-write, so a double-applied event would show as a wrong count.
 */
export interface TicketView {
  kind: 'ticket' | 'totals';
  status?: 'open' | 'closed';
  title?: string;
  notes?: number;
  events?: number;
}

export const TICKET_OPENED = 'test.TicketOpened';
export const TICKET_NOTED = 'test.TicketNoted';
export const TICKET_CLOSED = 'test.TicketClosed';
export const TICKET_REMOVED = 'test.TicketRemoved';

async function counted(view: ViewWriter<TicketView>): Promise<void> {
  await view.update('totals', (totals) => ({ kind: 'totals', events: (totals?.events ?? 0) + 1 }));
}

export function ticketProjection(
  options: { version?: number; name?: string; onNoted?: (event: RecordedEvent) => void } = {},
): ProjectionDefinition<TicketView> {
  return defineProjection<TicketView>({
    name: options.name ?? 'tickets',
    version: options.version ?? 1,
    fields: { kind: 'string', status: 'string', notes: 'number' },
    handlers: {
      [TICKET_OPENED]: async (event, view) => {
        const data = event.data as { title: string };
        await view.upsert(event.streamId, {
          kind: 'ticket',
          status: 'open',
          title: data.title,
          notes: 0,
        });
        await counted(view);
      },
      [TICKET_NOTED]: async (event, view) => {
        options.onNoted?.(event);
        await view.update(
          event.streamId,
          (ticket) => ticket && { ...ticket, notes: (ticket.notes ?? 0) + 1 },
        );
        await counted(view);
      },
      [TICKET_CLOSED]: async (event, view) => {
        await view.patch(event.streamId, { status: 'closed' });
        await counted(view);
      },
      [TICKET_REMOVED]: async (event, view) => {
        await view.delete(event.streamId);
        await counted(view);
      },
    },
  });
}

/** Appends a ticket's life: opened, `notes` notes, then closed if asked; returns the last position. */
export async function appendTicket(
  store: EventStore,
  id: string,
  options: { notes?: number; close?: boolean } = {},
): Promise<number> {
  const events = [
    newEvent({ type: TICKET_OPENED, data: { title: `Ticket ${id}` } }),
    ...Array.from({ length: options.notes ?? 0 }, () => newEvent({ type: TICKET_NOTED, data: {} })),
    ...(options.close ? [newEvent({ type: TICKET_CLOSED, data: {} })] : []),
  ];
  const result = await store.append(`ticket-${id}`, 'any', events);
  return result.positions[result.positions.length - 1] as number;
}

export async function appendEvent(
  store: EventStore,
  streamId: string,
  type: string,
  data: object = {},
): Promise<number> {
  const result = await store.append(streamId, 'any', [newEvent({ type, data })]);
  return result.positions[0] as number;
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The ticket projection for a rebuild that waits, on its first event, until
 * `open()`: so a test can append while the rebuild is certainly under way.
 */
export function rebuildGate(): { definition: ProjectionDefinition<TicketView>; open(): void } {
  const base = ticketProjection();
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let held = false;
  const opening = base.handlers[TICKET_OPENED] as NonNullable<(typeof base.handlers)[string]>;
  return {
    definition: defineProjection<TicketView>({
      ...base,
      handlers: {
        ...base.handlers,
        [TICKET_OPENED]: async (event, view) => {
          if (!held) {
            held = true;
            await opened;
          }
          await opening(event, view);
        },
      },
    }),
    open: () => open(),
  };
}
