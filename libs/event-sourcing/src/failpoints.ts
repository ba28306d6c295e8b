/**
 * Failpoints: named places in the infrastructure code where the fault suite
 * (services/platform/test/faults) makes a process misbehave on purpose, as
 * etcd's gofail does. They are off unless the process starts with
 * `SFP_FAILPOINTS`, a `;`-separated list of
 *
 *     name[=key]:[count*]action
 *
 * where `action` is `sleep(ms)` (wait that long) or `throw(message)` (throw
 * an Error with that message), `key` limits the failpoint to the calls that
 * pass that key (a projection's name, an inbound command's message id), and `count` makes
 * it fire that many times only, after which the process behaves again.
 * Example: `projection.apply=help-desk-requests:3*sleep(4000)`.
 *
 * Never set it in production (docs/operations.md lists it as a test-only
 * setting). Domain code never calls a failpoint.
 */
export interface FailpointRule {
  name: string;
  key?: string;
  remaining: number;
  action: { kind: 'sleep'; ms: number } | { kind: 'throw'; message: string };
}

const RULE = /^([a-z0-9.-]+)(?:=([^:]+))?:(?:(\d+)\*)?(sleep|throw)\((.*)\)$/i;

/** Parses `SFP_FAILPOINTS`; throws on a rule it cannot read, so a typo is not silently a no-op. */
export function parseFailpoints(spec: string | undefined): FailpointRule[] {
  if (!spec?.trim()) return [];
  return spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = RULE.exec(part);
      if (!match) {
        throw new Error(
          `SFP_FAILPOINTS: cannot read ${JSON.stringify(part)}; write name[=key]:[count*]sleep(ms) or name[=key]:[count*]throw(message)`,
        );
      }
      const [, name, key, count, kind, argument] = match as unknown as string[];
      const action =
        kind?.toLowerCase() === 'sleep'
          ? { kind: 'sleep' as const, ms: Number(argument) }
          : { kind: 'throw' as const, message: argument || 'failpoint' };
      if (action.kind === 'sleep' && !(action.ms >= 0))
        throw new Error(`SFP_FAILPOINTS: ${part}: sleep needs milliseconds`);
      return {
        name: name as string,
        ...(key ? { key } : {}),
        remaining: count ? Number(count) : Number.POSITIVE_INFINITY,
        action,
      };
    });
}

let rules: FailpointRule[] | undefined;

/** Replaces the process's rules (tests); `undefined` reads `SFP_FAILPOINTS` again on next use. */
export function setFailpoints(next: FailpointRule[] | undefined): void {
  rules = next;
}

function activeRules(): FailpointRule[] {
  rules ??= parseFailpoints(process.env['SFP_FAILPOINTS']);
  return rules;
}

/** True when any failpoint is set: callers on a hot path may skip the call. */
export function failpointsEnabled(): boolean {
  return activeRules().length > 0;
}

/**
 * Runs the failpoint `name` for `key`: resolves at once when no rule matches
 * (the normal case), waits for a `sleep`, rejects for a `throw`.
 */
export async function failpoint(name: string, key?: string): Promise<void> {
  const list = activeRules();
  if (list.length === 0) return;
  const rule = list.find(
    (candidate) =>
      candidate.name === name &&
      candidate.remaining > 0 &&
      (candidate.key === undefined || candidate.key === key),
  );
  if (!rule) return;
  rule.remaining--;
  if (rule.action.kind === 'sleep') {
    const ms = rule.action.ms;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return;
  }
  throw new Error(`${rule.action.message} (failpoint ${name}${key ? `=${key}` : ''})`);
}
