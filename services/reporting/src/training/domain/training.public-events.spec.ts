import { scriptedProgrammeHistory, TrainingHistory } from '../training-history.fixture';
import { TRAINING_EVENT_TYPES, trainingShapeProblems } from './training.public-events';

type Json = Record<string, unknown>;

const fields = (type: string, data: unknown) =>
  trainingShapeProblems(type, data)
    .map((p) => p.field)
    .sort();

describe('training public events as reporting reads them (shape checks)', () => {
  it('accepts every event the training service publishes, as the scripted history has them', () => {
    for (const event of scriptedProgrammeHistory().events)
      expect({ type: event.type, problems: trainingShapeProblems(event.type, event.data) }).toEqual(
        {
          type: event.type,
          problems: [],
        },
      );
  });

  it('covers every type it reads with a shape', () => {
    for (const type of Object.values(TRAINING_EVENT_TYPES))
      expect({ type, problems: fields(type, {}) }).not.toEqual({ type, problems: [] });
  });

  it('refuses programme targets that are not a list of indicator, value and due date', () => {
    const h = new TrainingHistory();
    const event = h.setProgrammeTargets('pg1', '2025-12-11T09:00:00.000Z', [
      { indicator: 'people-trained', value: '8', dueOn: '2026-12-31' },
    ]);
    expect(fields(event.type, event.data)).toEqual(['data.targets']);
    const launched = h.launchProgramme('pg1', '2025-12-10T09:00:00.000Z', {
      title: 'Social finance in West Africa',
      scope: { kind: 'region', region: 7 },
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(fields(launched.type, launched.data)).toEqual(['data.scope.region']);
  });

  it('refuses an enrolment without the participant facts it counts, naming each field', () => {
    const h = new TrainingHistory();
    const event = h.enrol('o1', 'e1', '2026-01-05T09:00:00.000Z', {
      personId: 'p1',
      sex: 'female',
      country: 'SN',
      staff: false,
      constituentGroup: 'government',
    });
    const participant = (event.data as Json)['participant'] as Json;
    delete participant['personId'];
    participant['staff'] = 'no';
    participant['constituentGroup'] = 7;
    (event.data as Json)['enrolledAt'] = 'last Tuesday';
    expect(fields(event.type, event.data)).toEqual([
      'data.enrolledAt',
      'data.participant.constituentGroup',
      'data.participant.personId',
      'data.participant.staff',
    ]);
    expect(trainingShapeProblems(event.type, event.data)).toContainEqual({
      field: 'data.participant.staff',
      messages: ['must be true or false'],
    });
  });

  it('does not need the participant name or e-mail (personal data)', () => {
    const h = new TrainingHistory();
    const event = h.enrol('o1', 'e1', '2026-01-05T09:00:00.000Z', {
      personId: 'p1',
      sex: 'male',
      country: 'CH',
      staff: true,
    });
    const participant = (event.data as Json)['participant'] as Json;
    delete participant['name'];
    delete participant['email'];
    expect(trainingShapeProblems(event.type, event.data)).toEqual([]);
  });

  it('refuses malformed courses, offerings, scores and evaluations', () => {
    const h = new TrainingHistory();
    const course = h.createCourse('c1', '2025-09-01T09:00:00.000Z', 'brief', ['staff']);
    ((course.data as Json)['course'] as Json)['audiences'] = 'staff';
    delete ((course.data as Json)['course'] as Json)['kind'];
    expect(fields(course.type, course.data)).toEqual(['data.course.audiences', 'data.course.kind']);

    const offering = h.planOffering('o1', 'c1', '2025-10-01T09:00:00.000Z', {
      region: 'africa',
      country: 'SN',
      startsOn: '2026-02-16',
      endsOn: '2026-02-19',
    });
    (offering.data as Json)['capacity'] = '20';
    (offering.data as Json)['schedule'] = { startsOn: '2026-02-16' };
    expect(fields(offering.type, offering.data)).toEqual(['data.capacity', 'data.schedule.endsOn']);
    (offering.data as Json)['delivery'] = null;
    expect(fields(offering.type, offering.data)).toContain('data.delivery');

    const scores = h.scores('o1', 'e1', '2026-02-16T09:00:00.000Z', { preTest: 40 });
    (scores.data as Json)['postTest'] = 'seventy';
    expect(fields(scores.type, scores.data)).toEqual(['data.postTest']);

    const evaluation = h.evaluate('o1', 'e1', '2026-02-21T09:00:00.000Z', 4);
    (evaluation.data as Json)['ratings'] = [{ item: 'overall-satisfaction', score: 'good' }];
    expect(fields(evaluation.type, evaluation.data)).toEqual(['data.ratings']);

    expect(trainingShapeProblems(TRAINING_EVENT_TYPES.offeringCompleted, 'x')).toEqual([
      { field: 'data', messages: ['must be an object'] },
    ]);
  });

  it('does not check types it does not read', () => {
    expect(trainingShapeProblems('training.AttendanceRecorded', { anything: 1 })).toEqual([]);
  });
});
