import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ReviewPolicy, ReviewPolicyDraft } from '@sfp/contracts';
import { Notice, QueryState } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { Figures } from '../../components/figures';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { formatCurrency, formatDate, formatNumber, formatPercent } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { FilterSelect } from '../../components/filters';
import { criterionName } from './quality-labels';
import { QUALITY_KEY, qualityCommands, qualityQueries } from './quality.api';
import { weightShare } from './ratings';

/** The review policy: the version in force or an earlier one; an administrator publishes a new version. */
export function ReviewPolicyPage() {
  const [search, update] = useRouteSearch('qualityPolicy');
  const { can } = useAuth();
  const [notice, setNotice] = useState<string | null>(null);
  const inForce = useQuery(qualityQueries.policy());
  const latest = inForce.data?.version ?? 1;
  const chosen = Number(search.get('version') ?? latest);
  const shown = useQuery({
    ...qualityQueries.policyVersion(chosen),
    enabled: inForce.data !== undefined && chosen !== latest,
  });
  const policy = chosen === latest ? inForce.data : shown.data;
  const versions = Array.from({ length: latest }, (_v, i) => String(latest - i));
  return (
    <main id="main">
      <h1>Review policy</h1>
      <QueryState query={inForce} what="Loading the review policy" />
      {notice ? <Notice>{notice}</Notice> : null}
      {inForce.data ? (
        <FilterSelect
          label="Version"
          value={String(chosen)}
          options={versions}
          format={(v) => (v === String(latest) ? `Version ${v} (in force)` : `Version ${v}`)}
          emptyLabel={null}
          onChange={(version) => update({ version })}
        />
      ) : null}
      <QueryState query={shown} what="Loading the version" />
      {policy ? <PolicyView policy={policy} /> : null}
      {can('platform:admin') && inForce.data ? (
        <PublishPolicy key={inForce.data.version} base={inForce.data} onDone={setNotice} />
      ) : null}
    </main>
  );
}

function PolicyView({ policy }: { policy: ReviewPolicy }) {
  return (
    <section aria-label={`Version ${policy.version}`}>
      <h2>Version {policy.version}</h2>
      <p className="sub">
        Published {formatDate(policy.publishedAt)} by {policy.publishedBy}
        {policy.note ? `: ${policy.note}` : ''}
      </p>
      <Figures
        items={[
          { label: 'Rating scale', value: `${policy.scale.min} to ${policy.scale.max}` },
          { label: 'Passing score', value: `${formatNumber(policy.passingScore, 0)} of 100` },
          {
            label: 'Second reviewer above',
            value: formatCurrency(policy.secondReviewerAboveUsd, 'USD'),
          },
          {
            label: 'Reconcile when ratings differ by more than',
            value: formatNumber(policy.reconciliationTolerance, 0),
          },
          {
            label: 'Service level',
            value: `${formatNumber(policy.serviceLevelWorkingDays, 0)} working days`,
          },
          {
            label: 'Red flag: partner PAR30 above',
            value: formatPercent(policy.thresholds.par30Max),
          },
          {
            label: 'Red flag: partner self-sufficiency below',
            value: formatPercent(policy.thresholds.ossMin),
          },
          {
            label: 'Red flag: capped rate below',
            value: formatPercent(policy.thresholds.minimumCostRecoveryRate),
          },
        ]}
      />
      <ListTable
        label="Criteria and weights"
        columns={['Criterion', 'Weight', 'Share', 'Guidance']}
      >
        {policy.criteria.map((c) => (
          <tr key={c.criterion}>
            <td>{criterionName(c.criterion)}</td>
            <td>{formatNumber(c.weight, 1)}</td>
            <td>{formatPercent(weightShare(policy, c.weight), 0)}</td>
            <td>{c.guidance}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

const percentText = (fraction: number) => String(Math.round(fraction * 10000) / 100);

function PublishPolicy(props: { base: ReviewPolicy; onDone: (notice: string) => void }) {
  const b = props.base;
  const form = useCommandForm({
    initial: {
      weights: Object.fromEntries(b.criteria.map((c) => [c.criterion, String(c.weight)])) as Record<
        string,
        string
      >,
      passingScore: String(b.passingScore),
      secondReviewerAboveUsd: String(b.secondReviewerAboveUsd),
      reconciliationTolerance: String(b.reconciliationTolerance),
      serviceLevelWorkingDays: String(b.serviceLevelWorkingDays),
      par30Max: percentText(b.thresholds.par30Max),
      ossMin: percentText(b.thresholds.ossMin),
      minimumCostRecoveryRate: percentText(b.thresholds.minimumCostRecoveryRate),
      note: '',
    },
    send: (v) => {
      const percent = (text: string) => {
        const n = numberOf(text);
        return (n === undefined ? undefined : n / 100) as number;
      };
      const draft: ReviewPolicyDraft = {
        scale: b.scale,
        criteria: b.criteria.map((c) => ({
          ...c,
          weight: numberOf(v.weights[c.criterion] ?? '') as number,
        })),
        thresholds: {
          par30Max: percent(v.par30Max),
          ossMin: percent(v.ossMin),
          minimumCostRecoveryRate: percent(v.minimumCostRecoveryRate),
        },
        secondReviewerAboveUsd: numberOf(v.secondReviewerAboveUsd) as number,
        reconciliationTolerance: numberOf(v.reconciliationTolerance) as number,
        passingScore: numberOf(v.passingScore) as number,
        serviceLevelWorkingDays: numberOf(v.serviceLevelWorkingDays) as number,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      };
      return qualityCommands.publishPolicy(draft);
    },
    invalidates: [QUALITY_KEY],
    fields: [
      'thresholds.par30Max',
      'thresholds.ossMin',
      'thresholds.minimumCostRecoveryRate',
      ...b.criteria.map((_c, i) => `criteria.${i}.weight`),
    ],
    onSuccess: (result) => props.onDone(`Version ${result.version} is published and in force.`),
  });
  const v = form.values;
  return (
    <FormPanel title="Publish a new version" onSubmit={form.onSubmit}>
      <p className="sub">
        Reviews already started keep their version; the new one applies to reviews started after it.
      </p>
      <fieldset>
        <legend>Weights</legend>
        <div className="columns">
          {b.criteria.map((c, i) => (
            <TextField
              key={c.criterion}
              label={criterionName(c.criterion)}
              type="number"
              name={`criteria.${i}.weight`}
              value={v.weights[c.criterion] ?? ''}
              onChange={(weight) => form.set('weights', { ...v.weights, [c.criterion]: weight })}
              errors={form.errors}
            />
          ))}
        </div>
      </fieldset>
      <div className="columns">
        <TextField label="Passing score" type="number" {...form.bind('passingScore')} required />
        <TextField
          label="Second reviewer above (US dollars)"
          type="number"
          {...form.bind('secondReviewerAboveUsd')}
          required
        />
        <TextField
          label="Reconciliation tolerance"
          type="number"
          {...form.bind('reconciliationTolerance')}
          required
        />
        <TextField
          label="Service level (working days)"
          type="number"
          {...form.bind('serviceLevelWorkingDays')}
          required
        />
      </div>
      <div className="columns">
        <TextField
          label="Partner PAR30 above (%)"
          type="number"
          {...form.bind('par30Max')}
          name="thresholds.par30Max"
          required
        />
        <TextField
          label="Partner self-sufficiency below (%)"
          type="number"
          {...form.bind('ossMin')}
          name="thresholds.ossMin"
          required
        />
        <TextField
          label="Capped rate below (%)"
          type="number"
          {...form.bind('minimumCostRecoveryRate')}
          name="thresholds.minimumCostRecoveryRate"
          required
        />
      </div>
      <TextField label="Note" {...form.bind('note')} multiline maxLength={2000} />
      <FormFooter form={form} submit="Publish the version" busyLabel="Publishing…" />
    </FormPanel>
  );
}
