import { useState } from 'react';
import {
  COMPARATORS,
  INDICATORS,
  TARGET_SCOPE_KINDS,
  type Comparator,
  type Indicator,
  type TargetScopeKind,
} from '@sfp/contracts';
import { Notice } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { useCommandForm } from '../../components/use-command-form';
import { comparatorText, formatIndicator, indicatorName } from './indicators';
import { KNOWLEDGE_BASE_KEY, knowledgeBaseCommands } from './knowledge-base.api';

/** Sets a target on an indicator, for an institution, a programme or the whole portfolio. */
export function SetTarget({ institutionId }: { institutionId: string }) {
  const [done, setDone] = useState<string | null>(null);
  const form = useCommandForm({
    initial: {
      scope: (institutionId ? 'institution' : 'portfolio') as TargetScopeKind,
      institutionId,
      programme: '',
      indicator: 'oss' as Indicator,
      comparator: 'at-least' as Comparator,
      threshold: '',
      tolerance: '0',
      dueDate: '',
      description: '',
    },
    invalidates: [KNOWLEDGE_BASE_KEY],
    send: (v) => {
      setDone(null);
      return knowledgeBaseCommands.setTarget({
        scope: v.scope,
        ...(v.scope === 'institution' ? { institutionId: v.institutionId.trim() } : {}),
        ...(v.scope === 'programme' ? { programme: v.programme.trim() } : {}),
        indicator: v.indicator,
        comparator: v.comparator,
        threshold: numberOf(v.threshold),
        tolerance: numberOf(v.tolerance),
        dueDate: v.dueDate,
        ...(v.description.trim() ? { description: v.description.trim() } : {}),
      });
    },
    onSuccess: (_result, v) =>
      setDone(
        `Target set: ${indicatorName(v.indicator)} ${comparatorText(v.comparator)} ${formatIndicator(numberOf(v.threshold), v.indicator)}.`,
      ),
  });
  const { bind, values } = form;
  return (
    <FormPanel title="Set a target" onSubmit={form.onSubmit}>
      {done ? <Notice>{done}</Notice> : null}
      <SelectField label="Scope" {...bind('scope')} options={TARGET_SCOPE_KINDS} />
      {values.scope === 'institution' ? (
        <TextField label="Institution id" {...bind('institutionId')} />
      ) : null}
      {values.scope === 'programme' ? (
        <TextField label="Programme" {...bind('programme')} hint="e.g. sfp-youth-employment" />
      ) : null}
      <SelectField
        label="Indicator"
        {...bind('indicator')}
        options={INDICATORS}
        format={indicatorName}
      />
      <SelectField label="Comparator" {...bind('comparator')} options={COMPARATORS} />
      <TextField
        label="Threshold"
        {...bind('threshold')}
        hint="Fractions as fractions: OSS 100% = 1, PAR30 5% = 0.05"
      />
      <TextField
        label="Tolerance"
        {...bind('tolerance')}
        hint="Width of the at-risk band beyond the threshold"
      />
      <TextField label="Due date" type="date" {...bind('dueDate')} />
      <TextField label="Description (optional)" {...bind('description')} />
      <FormFooter form={form} submit="Set the target" busyLabel="Setting…" />
    </FormPanel>
  );
}
