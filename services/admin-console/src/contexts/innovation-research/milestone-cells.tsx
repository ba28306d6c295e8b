// The cells a milestone shows alike in a project's milestones and in the
// calendar: its state (slipping ones with the days late) and its deliverables.
import type { ResearchMilestoneView } from '@sfp/contracts';
import { Badge } from '../../components/feedback';
import { formatCount } from '../../components/format';
import {
  DELIVERABLE_LABELS,
  MILESTONE_STATE_BADGES,
  MILESTONE_STATE_LABELS,
} from './research-labels';

type MilestoneShown = Pick<ResearchMilestoneView, 'state' | 'daysLate' | 'deliverables'>;

/** The milestone's state as a badge, and how many days late it is (if late). */
export function MilestoneStateCell({ milestone }: { milestone: MilestoneShown }) {
  return (
    <td>
      <Badge kind={MILESTONE_STATE_BADGES[milestone.state]}>
        {MILESTONE_STATE_LABELS[milestone.state]}
      </Badge>
      {milestone.daysLate ? (
        <div className="sub">{formatCount(milestone.daysLate, 'day')} late</div>
      ) : null}
    </td>
  );
}

/** The deliverables of a done milestone: each a link, with its kind. */
export function DeliverablesCell({ milestone }: { milestone: MilestoneShown }) {
  return (
    <td>
      {milestone.deliverables.map((d) => (
        <div key={d.url}>
          <a href={d.url}>{d.title}</a> <span className="sub">({DELIVERABLE_LABELS[d.kind]})</span>
        </div>
      ))}
    </td>
  );
}
