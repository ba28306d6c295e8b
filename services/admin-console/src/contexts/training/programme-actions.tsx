// What an operator does to an active programme: set its targets (the whole
// set, replacing the earlier one), add an offering of the calendar in its
// period, or close it with a reason. A closed programme takes nothing more.
import { useQuery } from '@tanstack/react-query';
import {
  CONSTITUENT_GROUPS,
  PARTICIPANT_SEXES,
  PROGRAMME_INDICATORS,
  type ConstituentGroup,
  type ParticipantSex,
  type ProgrammeIndicator,
  type ProgrammeProgress,
  type ProgrammeTarget,
} from '@sfp/contracts';
import { ActionPicker } from '../../components/action-picker';
import { Empty, QueryState } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { useCommandForm } from '../../components/use-command-form';
import { INDICATOR_LABELS, INDICATOR_UNITS, targetLabel } from './programme-progress';
import { programmeCommands, programmeQueries, TRAINING_KEY } from './training.api';
import {
  CONSTITUENT_GROUP_LABELS,
  countryName,
  formatSpan,
  OFFERING_STATUS_LABELS,
  SEX_LABELS,
} from './training-labels';

type ProgrammeAction = 'SetProgrammeTargets' | 'AddOfferingToProgramme' | 'CloseProgramme';
const PROGRAMME_ACTIONS: readonly ProgrammeAction[] = [
  'SetProgrammeTargets',
  'AddOfferingToProgramme',
  'CloseProgramme',
];

const ACTION_LABELS: Record<ProgrammeAction, string> = {
  SetProgrammeTargets: 'Set targets',
  AddOfferingToProgramme: 'Add an offering',
  CloseProgramme: 'Close the programme',
};

export function ProgrammeActions(props: {
  programme: ProgrammeProgress;
  onDone: (what: string) => void;
}) {
  const { programme } = props;
  const allowed = programme.status === 'active' ? PROGRAMME_ACTIONS : [];
  return (
    <ActionPicker
      label="Actions this status allows"
      allowed={allowed}
      labels={ACTION_LABELS}
      none="None: the programme is closed."
    >
      {(action, close) => {
        const done = (what: string) => {
          close();
          props.onDone(what);
        };
        switch (action) {
          case 'SetProgrammeTargets':
            return <SetTargetsForm programme={programme} onCancel={close} onDone={done} />;
          case 'AddOfferingToProgramme':
            return <AddOfferingForm programme={programme} onCancel={close} onDone={done} />;
          case 'CloseProgramme':
            return <CloseForm programme={programme} onCancel={close} onDone={done} />;
        }
      }}
    </ActionPicker>
  );
}

interface ActionFormProps {
  programme: ProgrammeProgress;
  onCancel: () => void;
  onDone: (what: string) => void;
}

/** A target as the form holds it: the value typed, the narrowing chosen or '' (any). */
interface TargetRow {
  indicator: ProgrammeIndicator;
  value: string;
  sex: ParticipantSex | '';
  constituentGroup: ConstituentGroup | '';
  dueOn: string;
}

const rowOf = (t: ProgrammeTarget): TargetRow => ({
  indicator: t.indicator,
  value: String(t.value),
  sex: t.sex ?? '',
  constituentGroup: t.constituentGroup ?? '',
  dueOn: t.dueOn,
});

function targetOf(row: TargetRow): ProgrammeTarget {
  const people = row.indicator === 'people-trained';
  return {
    indicator: row.indicator,
    value: numberOf(row.value) as number,
    ...(people && row.sex ? { sex: row.sex } : {}),
    ...(people && row.constituentGroup ? { constituentGroup: row.constituentGroup } : {}),
    dueOn: row.dueOn,
  };
}

/** Every row's fields (at most 40 targets, as the API takes), shown beside their inputs. */
const TARGET_FIELDS = Array.from({ length: 40 }, (_, i) =>
  ['indicator', 'value', 'sex', 'constituentGroup', 'dueOn'].map((f) => `targets.${i}.${f}`),
).flat();

function SetTargetsForm({ programme, onCancel, onDone }: ActionFormProps) {
  const blank = (): TargetRow => ({
    indicator: 'people-trained',
    value: '',
    sex: '',
    constituentGroup: '',
    dueOn: programme.endsOn,
  });
  const initialRows = programme.targets.length ? programme.targets.map(rowOf) : [blank()];
  const form = useCommandForm({
    initial: { targets: initialRows },
    invalidates: [TRAINING_KEY],
    fields: TARGET_FIELDS,
    send: (v) => programmeCommands.setTargets(programme.programmeId, v.targets.map(targetOf)),
    onSuccess: (_result, v) =>
      onDone(
        v.targets.length === 1
          ? 'Target set.'
          : `${v.targets.length} targets set: the bars show the progress against them.`,
      ),
  });
  const rows = form.values.targets;
  const setRow = (i: number, change: Partial<TargetRow>) =>
    form.set(
      'targets',
      rows.map((row, j) => (j === i ? { ...row, ...change } : row)),
    );
  const errors = form.errors;
  return (
    <form className="panel" aria-label="Set targets" onSubmit={form.onSubmit} noValidate>
      <p>
        The targets replace the programme’s earlier ones. People trained may be narrowed to one sex
        or one constituent group; the rates are over all its constituents.
      </p>
      {rows.map((row, i) => (
        <fieldset key={i} aria-label={`Target ${i + 1}`}>
          <legend>
            Target {i + 1}
            {numberOf(row.value) === undefined ? '' : `: ${targetLabel(targetOf(row))}`}
          </legend>
          <SelectField
            label="Indicator"
            name={`targets.${i}.indicator`}
            value={row.indicator}
            onChange={(indicator) => setRow(i, { indicator })}
            errors={errors}
            options={PROGRAMME_INDICATORS}
            format={(k) => INDICATOR_LABELS[k]}
            required
          />
          <TextField
            label={`Target (${INDICATOR_UNITS[row.indicator]})`}
            type="number"
            name={`targets.${i}.value`}
            value={row.value}
            onChange={(value) => setRow(i, { value })}
            errors={errors}
            required
          />
          {row.indicator === 'people-trained' ? (
            <>
              <SelectField
                label="Sex"
                name={`targets.${i}.sex`}
                value={row.sex}
                onChange={(sex) => setRow(i, { sex })}
                errors={errors}
                options={PARTICIPANT_SEXES}
                format={(s) => SEX_LABELS[s]}
                emptyLabel="Any"
              />
              <SelectField
                label="Constituent group"
                name={`targets.${i}.constituentGroup`}
                value={row.constituentGroup}
                onChange={(constituentGroup) => setRow(i, { constituentGroup })}
                errors={errors}
                options={CONSTITUENT_GROUPS}
                format={(g) => CONSTITUENT_GROUP_LABELS[g]}
                emptyLabel="Any"
              />
            </>
          ) : null}
          <TextField
            label="Due by"
            type="date"
            name={`targets.${i}.dueOn`}
            value={row.dueOn}
            onChange={(dueOn) => setRow(i, { dueOn })}
            errors={errors}
            required
          />
          <button
            type="button"
            onClick={() =>
              form.set(
                'targets',
                rows.filter((_, j) => j !== i),
              )
            }
          >
            Remove target {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => form.set('targets', [...rows, blank()])}>
          Add a target
        </button>
      </div>
      <FormFooter form={form} submit="Set the targets" busyLabel="Saving…">
        <button type="button" onClick={onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </form>
  );
}

function AddOfferingForm({ programme, onCancel, onDone }: ActionFormProps) {
  const calendar = useQuery(
    programmeQueries.offeringsBetween(programme.startsOn, programme.endsOn),
  );
  const candidates = (calendar.data?.items ?? []).filter(
    (o) => !programme.offeringIds.includes(o.offeringId) && o.status !== 'cancelled',
  );
  const names = Object.fromEntries(
    candidates.map((o) => [
      o.offeringId,
      `${o.courseTitle}, ${formatSpan(o.startsOn, o.endsOn)}, ${
        o.delivery.mode === 'online' ? 'online' : countryName(o.country)
      } (${OFFERING_STATUS_LABELS[o.status]})`,
    ]),
  );
  const form = useCommandForm({
    initial: { offeringId: '' },
    invalidates: [TRAINING_KEY],
    send: (v) => programmeCommands.addOffering(programme.programmeId, v.offeringId),
    onSuccess: (_result, v) =>
      onDone(`${names[v.offeringId] ?? 'The offering'} is added: its results count.`),
  });
  return (
    <form className="panel" aria-label="Add an offering" onSubmit={form.onSubmit} noValidate>
      <p>Its constituents’ results count towards the programme’s targets.</p>
      <QueryState query={calendar} what="Loading the calendar" />
      {calendar.data && candidates.length === 0 ? (
        <Empty>
          No other offering in the calendar between{' '}
          {formatSpan(programme.startsOn, programme.endsOn)}.
        </Empty>
      ) : null}
      {candidates.length ? (
        <SelectField
          label="Offering"
          {...form.bind('offeringId')}
          options={candidates.map((o) => o.offeringId)}
          format={(id) => names[id] ?? id}
          emptyLabel="Choose an offering of the calendar"
          required
        />
      ) : null}
      <FormFooter form={form} submit="Add the offering" busyLabel="Adding…">
        <button type="button" onClick={onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </form>
  );
}

function CloseForm({ programme, onCancel, onDone }: ActionFormProps) {
  const form = useCommandForm({
    initial: { reason: '' },
    invalidates: [TRAINING_KEY],
    send: (v) => programmeCommands.close(programme.programmeId, v.reason.trim()),
    onSuccess: () => onDone('The programme is closed: its results stay.'),
  });
  return (
    <form className="panel" aria-label="Close the programme" onSubmit={form.onSubmit} noValidate>
      <p>It then takes no more offerings or targets. This cannot be undone.</p>
      <TextField label="Reason" {...form.bind('reason')} required multiline maxLength={1000} />
      <FormFooter form={form} submit="Close the programme" busyLabel="Closing…">
        <button type="button" onClick={onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </form>
  );
}
