// The badge of a request escalated to its team lead: its SLA at risk (a share
// of it used, in business hours) or breached, and to whom it went.
import { ESCALATION_LABELS, type EscalationReason } from '@sfp/contracts';
import { Badge } from '../../components/feedback';

export interface Escalated {
  escalation?: EscalationReason;
  /** The team lead it escalated to. */
  escalatedTo?: string;
}

export function EscalationBadge({ escalation, escalatedTo }: Escalated) {
  if (!escalation) return null;
  const what = ESCALATION_LABELS[escalation];
  return (
    <span data-testid="escalation-badge" title={`Escalated to ${escalatedTo ?? 'the team lead'}`}>
      <Badge kind={escalation === 'breached' ? 'bad' : 'warn'}>
        Escalated{escalatedTo ? ` to ${escalatedTo}` : ''}: {what}
      </Badge>
    </span>
  );
}
