import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@sfp/event-sourcing';
import { PublicEventHistory, type EventData } from './public-event-history';

/**
 * Builds help desk public events as the help desk publishes them (envelope
 * and payload shape of docs/event-catalogue.md), with the source's positions
 * and recording times under the test's control. Personal data is encrypted
 * the way the help desk publishes it.
 */
export class HelpDeskHistory extends PublicEventHistory {
  constructor() {
    super('help-desk', 'operator-1');
  }

  private add(requestId: string, type: string, at: string, data: EventData): RecordedEvent {
    return this.record(`service-request-${requestId}`, type, at, { requestId, ...data });
  }

  submit(
    requestId: string,
    at: string,
    fields: { kind: string; themes: string[]; priority: string; region?: string; dueAt?: string },
  ): RecordedEvent {
    const encrypted = {
      'sfp:personal-data': {
        v: 1,
        subjectId: 'p-1',
        keyId: 'k-1',
        iv: 'aXY=',
        tag: 'dGFn',
        ciphertext: 'Y2lwaGVy',
      },
    };
    return this.add(requestId, 'ServiceRequestSubmitted', at, {
      requester: {
        personId: 'p-1',
        name: encrypted,
        email: encrypted,
        origin: 'regional-office',
        organisation: 'RO Africa',
      },
      title: `Request ${requestId}`,
      description: 'A question',
      kind: fields.kind,
      themes: fields.themes,
      region: fields.region ?? 'africa',
      country: 'SN',
      priority: fields.priority,
      submittedAt: at,
      dueAt: fields.dueAt ?? at,
    });
  }

  triage(
    requestId: string,
    at: string,
    fields: { kind: string; themes: string[]; priority: string },
  ): RecordedEvent {
    return this.add(requestId, 'ServiceRequestTriaged', at, {
      ...fields,
      dueAt: at,
      triagedBy: 'operator-1',
      triagedAt: at,
    });
  }

  resolve(requestId: string, at: string): RecordedEvent {
    return this.add(requestId, 'ServiceRequestResolved', at, {
      answer: 'Answered',
      outputs: [],
      resolvedBy: 'staff-1',
      resolvedAt: at,
    });
  }

  close(requestId: string, at: string): RecordedEvent {
    return this.add(requestId, 'ServiceRequestClosed', at, { closedBy: 'staff-1', closedAt: at });
  }

  reopen(requestId: string, at: string): RecordedEvent {
    return this.add(requestId, 'ServiceRequestReopened', at, {
      reason: 'Not answered',
      reopenedBy: 'p-1',
      reopenedAt: at,
      dueAt: at,
    });
  }

  cancel(requestId: string, at: string): RecordedEvent {
    return this.add(requestId, 'ServiceRequestCancelled', at, {
      cancelledBy: 'requester',
      reason: 'No longer needed',
      actorId: 'p-1',
      cancelledAt: at,
    });
  }

  breach(requestId: string, at: string, priority: string): RecordedEvent {
    return this.add(requestId, 'ServiceRequestSlaBreached', at, {
      dueAt: at,
      priority,
      detectedAt: at,
    });
  }

  comment(requestId: string, at: string): RecordedEvent {
    return this.add(requestId, 'ServiceRequestCommented', at, {
      commentId: randomUUID(),
      text: 'Any news?',
      author: 'p-1',
      commentedAt: at,
    });
  }
}

/**
 * The scripted history whose figures the tests compute by hand:
 *  A  2026-01-05 referral [youth, gender] high; triaged; resolved 01-07 (48 h); closed
 *  B  2026-02-10 tool-development [poverty] normal; triaged to programme-guidance [poverty, youth];
 *     SLA breach 02-21; resolved 02-25 (360 h); reopened 03-01; resolved again 03-05
 *  C  2026-03-20 referral [] urgent; SLA breach 03-23; resolved 2026-04-02 (312 h, in Q2)
 *  D  2025-12-20 fund-instrument-guidelines [microinsurance] low; resolved 2026-01-02 (312 h)
 *  E  2026-03-30T12:00 referral [gender] normal; cancelled 03-31
 */
export function scriptedHistory(
  ids = { A: randomUUID(), B: randomUUID(), C: randomUUID(), D: randomUUID(), E: randomUUID() },
) {
  const h = new HelpDeskHistory();
  h.submit(ids.D, '2025-12-20T00:00:00.000Z', {
    kind: 'fund-instrument-guidelines',
    themes: ['microinsurance'],
    priority: 'low',
  });
  h.resolve(ids.D, '2026-01-02T00:00:00.000Z');
  h.submit(ids.A, '2026-01-05T09:00:00.000Z', {
    kind: 'referral',
    themes: ['youth', 'gender'],
    priority: 'high',
  });
  h.triage(ids.A, '2026-01-05T11:00:00.000Z', {
    kind: 'referral',
    themes: ['youth', 'gender'],
    priority: 'high',
  });
  h.resolve(ids.A, '2026-01-07T09:00:00.000Z');
  h.close(ids.A, '2026-01-08T09:00:00.000Z');
  h.submit(ids.B, '2026-02-10T00:00:00.000Z', {
    kind: 'tool-development',
    themes: ['poverty'],
    priority: 'normal',
  });
  h.triage(ids.B, '2026-02-10T06:00:00.000Z', {
    kind: 'programme-guidance',
    themes: ['poverty', 'youth'],
    priority: 'normal',
  });
  h.breach(ids.B, '2026-02-21T00:00:00.000Z', 'normal');
  h.resolve(ids.B, '2026-02-25T00:00:00.000Z');
  h.reopen(ids.B, '2026-03-01T00:00:00.000Z');
  h.comment(ids.B, '2026-03-02T00:00:00.000Z');
  h.resolve(ids.B, '2026-03-05T00:00:00.000Z');
  h.submit(ids.C, '2026-03-20T00:00:00.000Z', { kind: 'referral', themes: [], priority: 'urgent' });
  h.breach(ids.C, '2026-03-23T00:00:00.000Z', 'urgent');
  h.submit(ids.E, '2026-03-30T12:00:00.000Z', {
    kind: 'referral',
    themes: ['gender'],
    priority: 'normal',
  });
  h.cancel(ids.E, '2026-03-31T00:00:00.000Z');
  h.resolve(ids.C, '2026-04-02T00:00:00.000Z');
  return { history: h, ids };
}
