/**
 * Another context's public event as quality monitoring reads it: its type,
 * id, time and payload, nothing of the other context's code. The mapping
 * functions of this folder read the payload field by field.
 */
export interface SourceEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  data: unknown;
}

/** A field of a source event's payload that is missing or not what the mapping reads. */
export interface SourceFieldProblem {
  field: string;
  message: string;
}

/** A source event that lacks what quality monitoring reads (the subscription dead-letters it). */
export class SourceEventUnreadableError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: readonly SourceFieldProblem[],
  ) {
    super(
      `The payload of ${eventType} lacks what quality monitoring reads: ${problems
        .map((p) => `${p.field} ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'SourceEventUnreadableError';
  }
}

type Payload = Record<string, unknown>;

/**
 * Reads a payload's fields, collecting what is wrong; `done()` throws
 * SourceEventUnreadableError when anything was.
 */
export class PayloadReader {
  private readonly problems: SourceFieldProblem[] = [];

  constructor(private readonly event: SourceEvent) {}

  private valueAt(path: string): unknown {
    let value: unknown = this.event.data;
    for (const key of path.split('.')) {
      value = typeof value === 'object' && value !== null ? (value as Payload)[key] : undefined;
    }
    return value;
  }

  private problem(path: string, message: string): undefined {
    this.problems.push({ field: `data.${path}`, message });
    return undefined;
  }

  text(path: string, max = 4000): string {
    const value = this.valueAt(path);
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= max) return value;
    return this.problem(path, `must be a text of 1 to ${max} characters`) ?? '';
  }

  optionalText(path: string): string | undefined {
    const value = this.valueAt(path);
    return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
  }

  texts(path: string): string[] {
    const value = this.valueAt(path);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    return this.problem(path, 'must be a list of texts') ?? [];
  }

  optionalTexts(path: string): string[] {
    const value = this.valueAt(path);
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];
  }

  integer(path: string): number {
    const value = this.valueAt(path);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    return this.problem(path, 'must be a whole number') ?? 0;
  }

  /** A value that may be absent: whatever it is. */
  raw(path: string): unknown {
    return this.valueAt(path);
  }

  done(): void {
    if (this.problems.length > 0)
      throw new SourceEventUnreadableError(this.event.type, this.problems);
  }
}
