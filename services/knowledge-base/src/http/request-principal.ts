import type { Request } from 'express';
import { actorOf, departmentScope, principalOf } from '@sfp/auth';
import type { Actor } from '@sfp/event-sourcing';

/** Who is calling, as the auth guard established it: the actor of events and the department scope. */
export interface Caller {
  actor: Actor;
  /** Set for an integration client: the only department whose institutions it may see and report on. */
  scope?: string;
}

export function callerOf(req: Request): Caller {
  const principal = principalOf(req);
  const scope = departmentScope(principal);
  return { actor: actorOf(principal), ...(scope !== undefined ? { scope } : {}) };
}

/** The caller from an inbound message's actor: integration clients are confined to their department. */
export function callerOfActor(actor: Actor): Caller {
  if (actor.kind !== 'integration-client') return { actor };
  return { actor, scope: actor.department ?? '\u0000none' };
}

/**
 * For an integration client, a record outside its department does not exist:
 * its read answers what an unknown id answers (`notFound`), so a client cannot
 * tell another department's record from one that was never made.
 */
export function assertVisible(
  caller: Caller,
  reportingDepartment: string | undefined,
  notFound: () => Error,
): void {
  if (caller.scope !== undefined && reportingDepartment !== caller.scope) throw notFound();
}
