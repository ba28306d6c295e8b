// Pre- and post-test scores of the participants who hold a seat, and while
// the offering runs, a participant's scores recorded (per cent, @sfp/contracts'
// TEST_SCORE_RANGE).
import { type OfferingDetail, TEST_SCORE_RANGE } from '@sfp/contracts';
import { Empty } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { formatNumber, formatPercent, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { offeringAllows, SEATED } from './offering-lifecycle';
import { participantName } from './roster';
import { trainingCommands, TRAINING_KEY } from './training.api';

const score = (value: number | undefined) =>
  value === undefined ? NONE : formatPercent(value / 100, 0);

export function ScoresTable({ offering }: { offering: OfferingDetail }) {
  const seated = offering.enrolments.filter((e) => SEATED.includes(e.status));
  if (seated.length === 0) return <Empty>No participant holds a seat.</Empty>;
  return (
    <ListTable label="Test scores" columns={['Participant', 'Pre-test', 'Post-test', 'Gain']}>
      {seated.map((e) => (
        <tr key={e.enrolmentId}>
          <td>{participantName(e)}</td>
          <td>{score(e.preTest)}</td>
          <td>{score(e.postTest)}</td>
          <td>
            {e.preTest !== undefined && e.postTest !== undefined
              ? `${e.postTest >= e.preTest ? '+' : '−'}${formatNumber(Math.abs(e.postTest - e.preTest), 0)} points`
              : NONE}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}

export function RecordScores(props: { offering: OfferingDetail; onDone: (what: string) => void }) {
  const { offering } = props;
  const seated = offering.enrolments.filter((e) => e.status === 'enrolled');
  const names = Object.fromEntries(seated.map((e) => [e.enrolmentId, participantName(e)]));
  const form = useCommandForm({
    initial: { enrolmentId: seated[0]?.enrolmentId ?? '', preTest: '', postTest: '' },
    version: offering.streamVersion,
    invalidates: [TRAINING_KEY],
    resetOnSuccess: true,
    send: (v, ifMatch) => {
      const preTest = numberOf(v.preTest);
      const postTest = numberOf(v.postTest);
      return trainingCommands.recordScores(
        offering.offeringId,
        {
          enrolmentId: v.enrolmentId,
          ...(preTest === undefined ? {} : { preTest }),
          ...(postTest === undefined ? {} : { postTest }),
        },
        ifMatch,
      );
    },
    onSuccess: (_result, v) =>
      props.onDone(`Scores of ${names[v.enrolmentId] ?? 'the participant'} recorded.`),
  });
  if (!offeringAllows(offering.status, 'RecordTestScores') || seated.length === 0) return null;
  const range = `${TEST_SCORE_RANGE.min} to ${TEST_SCORE_RANGE.max} per cent; empty: not recorded`;
  return (
    <FormPanel title="Record test scores" onSubmit={form.onSubmit}>
      <div className="grid-3">
        <SelectField
          label="Participant"
          {...form.bind('enrolmentId')}
          options={seated.map((e) => e.enrolmentId)}
          format={(id) => names[id] ?? id}
        />
        <TextField label="Pre-test (%)" type="number" {...form.bind('preTest')} hint={range} />
        <TextField label="Post-test (%)" type="number" {...form.bind('postTest')} hint={range} />
      </div>
      <FormFooter form={form} submit="Record scores" busyLabel="Recording…" />
    </FormPanel>
  );
}
