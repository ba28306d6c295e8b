import type { RecordedEvent } from '@sfp/event-sourcing';
import { MemoryView } from '../as-of/memory-view';
import { toLoggedEvent } from '../consumption/public-event';
import { evolveProgrammeFacts, type ProgrammeFacts } from './domain/programme.facts';
import type { TrainingEvent } from './domain/training.facts';
import { TrainingHistory } from './training-history.fixture';
import { trainingProgrammesView } from './training.reporting-plugin';

const asTrainingEvent = (event: RecordedEvent): TrainingEvent => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
});

describe('the training-programmes view', () => {
  describe('redelivery changes nothing', () => {
    const h = new TrainingHistory();
    const events = [
      h.launchProgramme('pg9', '2026-01-02T09:00:00.000Z', {
        title: 'Employers in Ghana',
        scope: {
          kind: 'organisation',
          organisation: 'Ghana Employers Association',
          constituentGroup: 'employers-organisation',
          country: 'GH',
        },
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
      }),
      h.setProgrammeTargets('pg9', '2026-01-03T09:00:00.000Z', [
        { indicator: 'people-trained', value: 12, dueOn: '2026-06-30' },
      ]),
      h.addOfferingToProgramme('pg9', 'o-accra', '2026-01-04T09:00:00.000Z'),
      h.closeProgramme('pg9', '2026-07-01T09:00:00.000Z'),
    ];

    it('applying any of its events twice to the facts is applying it once', () => {
      let once: ProgrammeFacts | undefined;
      for (const event of events) {
        once = evolveProgrammeFacts(once, asTrainingEvent(event)) ?? once;
        const twice = evolveProgrammeFacts(once, asTrainingEvent(event)) ?? once;
        expect(twice).toEqual(once);
      }
      expect(once).toMatchObject({ offeringIds: ['o-accra'], targetCount: 1, status: 'closed' });
    });

    /** As reporting's log holds it (see toLoggedEvent), at `position` in the log. */
    const logged = (event: RecordedEvent, position: number): RecordedEvent => {
      const entry = toLoggedEvent('training', event);
      return {
        ...event,
        data: entry.data,
        position,
        streamId: `training/${event.streamId}`,
      };
    };

    it('the view’s position guard: an event at a position it has applied is not applied again', async () => {
      const view = new MemoryView();
      const handlers = trainingProgrammesView.projection.handlers;
      const apply = async (event: RecordedEvent) => {
        const handler = handlers[event.type];
        if (!handler) throw new Error(`no handler for ${event.type}`);
        await handler(event, view.writer(event.position));
      };
      const log = events.map((e, i) => logged(e, i + 1));
      for (const event of log) await apply(event);
      const before = view.documents();
      for (const event of log) await apply(event);
      expect(view.documents()).toEqual(before);
      // Redelivered as a new entry (a later position): the facts still change nothing.
      await apply(logged(events[2] as RecordedEvent, 99));
      expect(view.documents()).toEqual(before);
      expect(before).toMatchObject([{ programmeId: 'pg9', offeringIds: ['o-accra'] }]);
    });
  });
});
