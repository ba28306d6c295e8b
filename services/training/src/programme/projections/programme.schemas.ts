import {
  CONSTITUENT_GROUPS,
  PARTICIPANT_SEXES,
  PROGRAMME_INDICATORS,
  PROGRAMME_STATUSES,
  REGIONS,
  type ProgrammeProgress,
  type ProgrammeScope,
  type ProgrammeTargetProgress,
} from '@sfp/contracts';
import { sameShape } from '@sfp/service-kit';
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StringEnum } from '@sfp/service-kit';

const Day = (description: string) => Type.String({ format: 'date', description });

const ScopeSchema = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('organisation'),
      organisation: Type.String({ description: 'The constituent organisation' }),
      constituentGroup: StringEnum(CONSTITUENT_GROUPS),
      country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    }),
    Type.Object({
      kind: Type.Literal('country'),
      country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    }),
    Type.Object({ kind: Type.Literal('region'), region: StringEnum(REGIONS) }),
  ],
  { description: 'Whom the programme is for' },
);

const TargetProgressSchema = Type.Object(
  {
    indicator: StringEnum(PROGRAMME_INDICATORS),
    value: Type.Number({ description: 'The target: people, a percentage or points' }),
    sex: Type.Optional(StringEnum(PARTICIPANT_SEXES)),
    constituentGroup: Type.Optional(StringEnum(CONSTITUENT_GROUPS)),
    dueOn: Day('Due by this day'),
    actual: Type.Union([Type.Number(), Type.Null()], {
      description: 'The value reached (one decimal); null when there is nothing to measure yet',
    }),
    percentOfTarget: Type.Union([Type.Number(), Type.Null()], {
      description: 'The value reached in per cent of the target (one decimal)',
    }),
    results: Type.Integer({
      minimum: 0,
      description: 'Results (completed or failed) of constituents the value rests on',
    }),
  },
  { title: 'ProgrammeTargetProgress' },
);

export const ProgrammeProgressSchema = Type.Object(
  {
    programmeId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    scope: ScopeSchema,
    startsOn: Day('First day'),
    endsOn: Day('Last day'),
    status: StringEnum(PROGRAMME_STATUSES),
    offeringIds: Type.Array(Type.String({ format: 'uuid' }), {
      description: 'Its offerings (see /offerings/{id})',
    }),
    participantsWithResult: Type.Integer({
      minimum: 0,
      description: 'Constituents with a result (completed or failed) in its offerings',
    }),
    participantsCompleted: Type.Integer({ minimum: 0 }),
    targets: Type.Array(TargetProgressSchema, {
      description:
        'Each target with the value reached so far; how it stands against the time elapsed (on track, at risk, off track) is in the progress report (reporting)',
    }),
    launchedAt: IsoDateTime(),
    closedAt: Type.Optional(IsoDateTime()),
  },
  { title: 'ProgrammeProgress' },
);

export const ProgrammePageSchema = Type.Object(
  {
    items: Type.Array(ProgrammeProgressSchema),
    nextCursor: Type.Optional(Type.String({ description: 'The next page, as `cursor`' })),
  },
  { title: 'ProgrammePage' },
);

sameShape<Static<typeof ScopeSchema>, ProgrammeScope>(true);
sameShape<Static<typeof TargetProgressSchema>, ProgrammeTargetProgress>(true);
sameShape<Static<typeof ProgrammeProgressSchema>, ProgrammeProgress>(true);
