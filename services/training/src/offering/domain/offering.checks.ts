/** Checks shared by several offering commands. */
import { TrainingRuleError } from '../../course/domain/course.errors';

export function checkCapacity(capacity: number, field: string): void {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new TrainingRuleError(field, 'The capacity is a whole number of seats, at least 1');
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
