import type { ProgrammeTarget } from '@sfp/contracts';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { TrainingRuleError } from '../../course/domain/course.errors';
import { programmeDecider } from './programme.decider';
import {
  OfferingAlreadyInProgrammeError,
  ProgrammeAlreadyLaunchedError,
  ProgrammeClosedError,
  ProgrammeNotFoundError,
} from './programme.errors';
import { ProgrammeTargetsSet } from './programme.events';
import {
  at,
  closed,
  commands,
  launch,
  launched,
  offeringAdded,
  programmeId,
  targets,
  targetsSet,
} from './testing/programme.fixtures';

const spec = deciderSpec(programmeDecider());

const setTargets = (list: ProgrammeTarget[]) => ({
  type: 'SetProgrammeTargets' as const,
  targets: list,
  at: at(3),
  by: 'user-programme-officer-1',
});

describe('programme decider', () => {
  describe('launch', () => {
    it('launches a programme for its scope and period', () => {
      spec.given([]).when(launch).then([launched]);
    });

    it('refuses to launch the same programme twice', () => {
      spec.given([launched]).when(launch).thenThrows(ProgrammeAlreadyLaunchedError);
    });

    it('refuses a programme that ends before it starts, or with a day that is not a date', () => {
      spec
        .given([])
        .when({ ...launch, endsOn: '2025-12-31' })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('endsOn'));
      spec
        .given([])
        .when({ ...launch, startsOn: '2026-02-30x' })
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('startsOn'));
    });

    it('refuses any other command on a programme that does not exist', () => {
      for (const command of Object.values(commands))
        spec.given([]).when(command).thenThrows(ProgrammeNotFoundError);
    });
  });

  describe('targets', () => {
    it('records the targets, by sex and constituent group, completion rate and knowledge gain', () => {
      spec.given([launched]).when(commands.SetProgrammeTargets).then([targetsSet]);
    });

    it('replaces the earlier set when set again', () => {
      const fewer = [{ indicator: 'people-trained' as const, value: 80, dueOn: '2026-12-31' }];
      spec.given([launched, targetsSet]).when(setTargets(fewer)).thenState({
        status: 'active',
        programmeId,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        offeringIds: [],
        targets: fewer,
      });
      spec
        .given([launched, targetsSet])
        .when(setTargets(fewer))
        .then([
          ProgrammeTargetsSet.of({
            programmeId,
            targets: fewer,
            setBy: 'user-programme-officer-1',
            setAt: at(3),
          }),
        ]);
    });

    const broken: Array<[string, ProgrammeTarget, string]> = [
      [
        'a fraction of a person',
        { indicator: 'people-trained', value: 12.5, dueOn: '2026-12-31' },
        'targets.0.value',
      ],
      [
        'nobody to train',
        { indicator: 'people-trained', value: 0, dueOn: '2026-12-31' },
        'targets.0.value',
      ],
      [
        'a completion rate above 100 %',
        { indicator: 'completion-rate', value: 120, dueOn: '2026-12-31' },
        'targets.0.value',
      ],
      [
        'a knowledge gain of 0 points',
        { indicator: 'knowledge-gain', value: 0, dueOn: '2026-12-31' },
        'targets.0.value',
      ],
      [
        'a rate by sex',
        { indicator: 'completion-rate', value: 80, sex: 'female', dueOn: '2026-12-31' },
        'targets.0',
      ],
      [
        'a due date after the programme',
        { indicator: 'people-trained', value: 10, dueOn: '2027-03-31' },
        'targets.0.dueOn',
      ],
      [
        'a due date before the programme',
        { indicator: 'people-trained', value: 10, dueOn: '2025-12-31' },
        'targets.0.dueOn',
      ],
    ];
    it.each(broken)('refuses %s', (_what, target, field) => {
      spec
        .given([launched])
        .when(setTargets([target]))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe(field));
    });

    it('refuses the same target twice (same indicator, sex and group)', () => {
      const twice = [targets[1], { ...targets[1], value: 40 }] as ProgrammeTarget[];
      spec
        .given([launched])
        .when(setTargets(twice))
        .thenThrows(TrainingRuleError, (e) => expect(e.field).toBe('targets.1'));
    });
  });

  describe('offerings', () => {
    it('adds an offering once', () => {
      spec
        .given([launched])
        .when(commands.AddOfferingToProgramme)
        .then([offeringAdded('offering-nairobi-2026-03', 5)]);
      spec
        .given([launched, offeringAdded('offering-nairobi-2026-03', 5)])
        .when(commands.AddOfferingToProgramme)
        .thenThrows(OfferingAlreadyInProgrammeError);
    });
  });

  describe('closing', () => {
    it('closes the programme; a closed programme takes no more targets, offerings or closing', () => {
      spec.given([launched, targetsSet]).when(commands.CloseProgramme).then([closed]);
      for (const command of Object.values(commands))
        spec.given([launched, closed]).when(command).thenThrows(ProgrammeClosedError);
    });
  });
});
