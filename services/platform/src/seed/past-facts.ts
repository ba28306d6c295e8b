/**
 * The seed's history is recorded as past facts: each command carries the time
 * it happened (X-SFP-Occurred-At, which the seed's people may send: they hold
 * the importer role), so the events keep that time as their occurredAt, marked
 * imported, while the platform records them now. See docs/architecture.md,
 * "Past facts".
 */
import { OCCURRED_AT_HEADER } from '@sfp/service-kit';

/** The first day of the demo history: two years before the 2026 report's end. */
export const HISTORY_START = new Date('2024-12-02T08:00:00Z');

/** The header that records a command as a fact of `at`. */
export function occurredAtHeader(at: Date | string): Record<string, string> {
  return { [OCCURRED_AT_HEADER]: typeof at === 'string' ? at : at.toISOString() };
}

/**
 * The same time or the next working moment after it (Monday to Friday, 08:00
 * to 17:00 UTC): people act in office hours. Never earlier than `at`.
 */
export function workingTime(at: Date, random: () => number = () => 0): Date {
  const time = new Date(at.getTime());
  const hour = time.getUTCHours();
  if (hour >= 17) time.setUTCDate(time.getUTCDate() + 1);
  if (hour >= 17 || hour < 8) time.setUTCHours(8, Math.floor(random() * 90), 0, 0);
  const day = time.getUTCDay();
  if (day === 6 || day === 0) {
    time.setUTCDate(time.getUTCDate() + (day === 6 ? 2 : 1));
    time.setUTCHours(8, Math.floor(random() * 90), 0, 0);
  }
  return time;
}

/** `days` after `at` (fractions allowed). */
export function daysAfter(at: Date | string, days: number): Date {
  return new Date(new Date(at).getTime() + days * 86_400_000);
}
