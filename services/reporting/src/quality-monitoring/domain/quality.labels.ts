import {
  RED_FLAG_LABELS,
  TOOL_KIND_LABELS,
  type ProposalStatus,
  type ReviewDecision,
} from '@sfp/contracts';
import { labelOf } from '../../training/domain/training.labels';

/** How the Governing Body reads the quality-monitoring context's codes: labels, never codes. */
export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'revise-and-resubmit': 'Revise and resubmit',
  rejected: 'Rejected',
};

export const PROPOSAL_STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = {
  submitted: 'Submitted',
  'under-review': 'Under review',
  ...REVIEW_DECISION_LABELS,
  withdrawn: 'Withdrawn',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A decision, red flag or tool kind in words ("Revise and resubmit", "No exit strategy", "Training course"). */
export const decisionLabel = (code: string) => labelOf(REVIEW_DECISION_LABELS, code);
export const redFlagLabel = (code: string) => labelOf(RED_FLAG_LABELS, code);
export const toolKindLabel = (code: string) => capitalised(labelOf(TOOL_KIND_LABELS, code));
