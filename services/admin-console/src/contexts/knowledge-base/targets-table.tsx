import { Badge, Empty } from '../../components/feedback';
import { ListTable } from '../../components/table';
import { comparatorText, formatIndicator, indicatorName, TargetStatusBadge } from './indicators';
import type { Target } from './knowledge-base.api';

const COLUMNS = ['Indicator', 'Target', 'Due', 'Latest value', 'Status'];

/** Targets: on what, which way, by when, the latest value and how they stand. */
export function TargetsTable({ targets }: { targets: Target[] }) {
  if (!targets.length) return <Empty>No target.</Empty>;
  return (
    <ListTable label="Targets" columns={COLUMNS}>
      {targets.map((t) => (
        <tr key={t.targetId}>
          <td>
            {indicatorName(t.indicator)}
            {t.scopeKind && t.scopeKind !== 'institution' ? (
              <div className="sub">
                {t.scopeKind === 'programme' ? `programme ${t.programme}` : 'whole portfolio'}
              </div>
            ) : null}
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
        </tr>
      ))}
    </ListTable>
  );
}
