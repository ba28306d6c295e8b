import type { EnrolmentStatus, EvaluationItem, OfferingEntry } from '@sfp/contracts';

/** The satisfaction questionnaires of an offering, summed per item: anonymous (no enrolment, no comment). */
export interface EvaluationTotals {
  submitted: number;
  items: Partial<Record<EvaluationItem, { sum: number; n: number }>>;
}

/** The stored document: the entry, what it is computed from, and the record kind (the view also holds course kinds). */
export interface OfferingCalendarDocument extends OfferingEntry {
  record: 'offering';
  /** Enrolment id → status: the counts above are computed from it. */
  enrolments: Record<string, EnrolmentStatus>;
  evaluation: EvaluationTotals;
}

const SEAT_HOLDING: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'failed'];

/** The counts of an offering's enrolments by what they hold. */
export function enrolmentCounts(
  enrolments: Record<string, EnrolmentStatus>,
): Pick<OfferingEntry, 'seatsTaken' | 'waitlistLength' | 'awaitingApproval'> {
  const statuses = Object.values(enrolments);
  return {
    seatsTaken: statuses.filter((s) => SEAT_HOLDING.includes(s)).length,
    waitlistLength: statuses.filter((s) => s === 'waitlisted').length,
    awaitingApproval: statuses.filter((s) => s === 'awaiting-approval').length,
  };
}

/** The entry as clients read it (without what it is computed from). */
export function entryOf(doc: OfferingCalendarDocument): OfferingEntry {
  const { record: _record, enrolments: _enrolments, evaluation: _evaluation, ...entry } = doc;
  return entry;
}
