import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ForbiddenException,
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { grants, principalOf } from '@sfp/auth';
import type { Clock } from '../service/context.tokens';

/**
 * Recording a past fact (an import, the demo seed's history): a command sent
 * with `X-SFP-Occurred-At: <ISO 8601>` by a caller holding `history:import`
 * runs with that time as its clock. The context's CLOCK reads it (so what a use
 * case stamps, a filing date or an SLA due date, is the fact's time), the events
 * carry it as their `occurredAt` with `imported: true`, and the store's
 * `recordedAt` stays the real time. Refused: a malformed time (400), one in the
 * future or before the stream's last event (400, in ContextCommands), a caller
 * without the permission (403).
 */
export const OCCURRED_AT_HEADER = 'x-sfp-occurred-at';

export interface PastFact {
  /** When the fact happened. */
  occurredAt: Date;
}

const pastFacts = new AsyncLocalStorage<PastFact>();

/** The past fact the current command records, if any. */
export function currentPastFact(): PastFact | undefined {
  return pastFacts.getStore();
}

/** Runs `work` as the recording of a fact that happened at `occurredAt`. */
export function runAsPastFact<T>(occurredAt: Date, work: () => T): T {
  return pastFacts.run({ occurredAt }, work);
}

/** Runs `work` outside any past fact (what a command sets going in the background is now). */
export function outsidePastFact<T>(work: () => T): T {
  return pastFacts.exit(work);
}

/** The context's clock: the past fact's time while one is recorded, else the host's clock. */
export function pastFactClock(clock: Clock): Clock {
  return () => {
    const fact = pastFacts.getStore();
    return fact ? new Date(fact.occurredAt.getTime()) : clock();
  };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The time an `X-SFP-Occurred-At` header names, or why it is refused. */
export function parseOccurredAt(value: string): Date | { message: string } {
  const text = value.trim();
  const time = ISO_DATE_TIME.test(text) ? new Date(text) : undefined;
  // A calendar day that exists (no 30 February rolled over into March).
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const exists =
    day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
  if (!time || Number.isNaN(time.getTime()) || !exists) {
    return { message: 'must be an ISO 8601 date and time with a zone, e.g. 2025-03-14T09:30:00Z' };
  }
  return time;
}

/**
 * The HTTP half (a global interceptor, after the auth guard): reads the header,
 * checks the caller's permission and the time's form, and runs the route's
 * handler as the past fact. Requests without the header are untouched.
 */
export class PastFactInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const header = req.headers[OCCURRED_AT_HEADER];
    if (header === undefined) return next.handle();
    const value = Array.isArray(header) ? header.join(',') : header;
    const principal = (() => {
      try {
        return principalOf(req);
      } catch {
        return undefined;
      }
    })();
    if (!principal || !grants(principal.roles, 'history:import')) {
      throw new ForbiddenException({
        code: 'HISTORY_IMPORT_FORBIDDEN',
        message: `Only a caller with the history:import permission may send ${OCCURRED_AT_HEADER}`,
      });
    }
    const occurredAt = parseOccurredAt(value);
    if (!(occurredAt instanceof Date)) {
      throw new BadRequestException({
        code: 'INVALID_OCCURRED_AT',
        message: `${OCCURRED_AT_HEADER} ${occurredAt.message}`,
      });
    }
    return new Observable((subscriber) =>
      runAsPastFact(occurredAt, () => next.handle().subscribe(subscriber)),
    );
  }
}

/** Why a past fact was refused by the command pipeline (400). */
export class OccurredAtRefusedError extends Error {
  readonly code = 'INVALID_OCCURRED_AT';
  constructor(
    message: string,
    readonly streamId?: string,
  ) {
    super(message);
    this.name = 'OccurredAtRefusedError';
  }
}
