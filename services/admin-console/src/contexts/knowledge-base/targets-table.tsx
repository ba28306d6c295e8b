import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, Empty } from '../../components/feedback';
import { textFieldsOf } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { ListTable, Unseen } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { href } from '../../routing/paths';
import { useAuth } from '../../session';
import { comparatorText, formatIndicator, indicatorName, TargetStatusBadge } from './indicators';
import {
  KNOWLEDGE_BASE_KEY,
  knowledgeBaseCommands,
  knowledgeBaseQueries,
  type Target,
} from './knowledge-base.api';

const COLUMNS = ['Indicator', 'Target', 'Due', 'Latest value', 'Status'];

/**
 * Targets: on what, which way, by when, the latest value and how they stand;
 * with `withInstitution`, whose target it is (a link); a target may be
 * withdrawn, with the reason (records:write).
 */
export function TargetsTable({
  targets,
  withInstitution = false,
}: {
  targets: Target[];
  withInstitution?: boolean;
}) {
  const { can } = useAuth();
  const writer = can('records:write');
  if (!targets.length) return <Empty>No target.</Empty>;
  const columns = [
    ...(withInstitution ? ['Institution'] : []),
    ...COLUMNS,
    ...(writer ? [<Unseen key="actions">Actions</Unseen>] : []),
  ];
  return (
    <ListTable label="Targets" columns={columns}>
      {targets.map((t) => (
        <tr key={t.targetId}>
          {withInstitution ? (
            <td>
              <TargetScope target={t} />
            </td>
          ) : null}
          <td>
            {indicatorName(t.indicator)}
            {!withInstitution && t.scopeKind && t.scopeKind !== 'institution' ? (
              <div className="sub">{scopeText(t)}</div>
            ) : null}
            {t.description ? <div className="sub">{t.description}</div> : null}
          </td>
          <td>
            {comparatorText(t.comparator)} {formatIndicator(t.threshold, t.indicator)} (±{' '}
            {formatIndicator(t.tolerance, t.indicator)})
          </td>
          <td>{t.dueDate}</td>
          <td>{formatIndicator(t.value, t.indicator)}</td>
          <td>
            <TargetStatusBadge status={t.status} />{' '}
            {t.active ? null : <Badge kind="none">withdrawn</Badge>}
          </td>
          {writer ? <td>{t.active ? <WithdrawTarget target={t} /> : null}</td> : null}
        </tr>
      ))}
    </ListTable>
  );
}

const scopeText = (t: Target) =>
  t.scopeKind === 'programme' ? `Programme ${t.programme}` : 'Whole portfolio';

/** The institution a target is on (its name, a link), or its programme or the portfolio. */
function TargetScope({ target }: { target: Target }) {
  const id = target.scopeKind === 'institution' || !target.scopeKind ? target.institutionId : '';
  const institution = useQuery({ ...knowledgeBaseQueries.institution(id ?? ''), enabled: !!id });
  if (!id) return <>{scopeText(target)}</>;
  return (
    <Link to={href('institution', { institutionId: id })}>
      {institution.data?.name ?? 'Institution'}
    </Link>
  );
}

/** "Withdraw", then the reason and a confirmation: the target stays listed among the withdrawn. */
function WithdrawTarget({ target }: { target: Target }) {
  const [open, setOpen] = useState(false);
  const form = useCommandForm({
    initial: { reason: '' },
    invalidates: [KNOWLEDGE_BASE_KEY],
    send: (v) => knowledgeBaseCommands.withdrawTarget(target.targetId, v.reason),
    onSuccess: () => setOpen(false),
  });
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`Withdraw the target on ${indicatorName(target.indicator)} due ${target.dueDate}`}
      >
        Withdraw
      </button>
    );
  }
  const text = textFieldsOf(form.bind, true);
  return (
    <form onSubmit={form.onSubmit} aria-label="Withdraw the target" noValidate>
      {text('reason', 'Reason for withdrawing')}
      <FormFooter form={form} submit="Confirm withdrawal" busyLabel="Withdrawing…">
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </FormFooter>
    </form>
  );
}
