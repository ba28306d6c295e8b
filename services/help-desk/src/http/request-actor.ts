import type { Request } from 'express';
import type { Actor } from '@sfp/event-sourcing';

/**
 * Who is calling. Until libs/auth lands, the caller names itself in
 * X-Actor-Id (and X-Actor-Department); without it the actor is `anonymous`.
 * Auth will replace this with the authenticated identity.
 */
export function requestActor(req: Request): Actor {
  const header = (name: string) => {
    const value = req.headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && /^[A-Za-z0-9._@:-]{1,100}$/.test(text) ? text : undefined;
  };
  const id = header('x-actor-id') ?? 'anonymous';
  const department = header('x-actor-department');
  return { kind: 'person', id, ...(department ? { department } : {}) };
}
