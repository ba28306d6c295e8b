import type { ToolKind } from '@sfp/contracts';
import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { LinkageAcceptedData, LinkageDismissedData } from '../domain/proposal.events';

export const QUALITY_LINKAGES_PROJECTION = 'quality-linkages';

/** One accepted link between a proposal and another context's tool. */
export interface LinkageDoc {
  proposalId: string;
  proposalTitle: string;
  department: string;
  toolRef: string;
  kind: ToolKind;
  toolId: string;
  context: string;
  toolTitle: string;
  score: number;
  reason: string;
  acceptedBy: string;
  acceptedAt: string;
}

export const linkageKey = (proposalId: string, toolRef: string) => `${proposalId}|${toolRef}`;

const fields: ReadModelFields = {
  proposalId: 'string',
  kind: 'string',
  context: 'string',
  acceptedAt: 'string',
};

/**
 * The accepted links (id `<proposalId>|<toolRef>`): the linkage map. A link
 * dismissed after it was accepted is deleted.
 */
export const qualityLinkagesProjection = defineProjection<LinkageDoc>({
  name: QUALITY_LINKAGES_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'quality-monitoring.LinkageAccepted': async (recorded, view) => {
      const d = recorded.data as LinkageAcceptedData;
      await view.upsert(linkageKey(d.proposalId, d.toolRef), {
        proposalId: d.proposalId,
        proposalTitle: d.proposalTitle,
        department: d.department,
        toolRef: d.toolRef,
        kind: d.kind,
        toolId: d.toolId,
        context: d.context,
        toolTitle: d.toolTitle,
        score: d.score,
        reason: d.reason,
        acceptedBy: d.acceptedBy,
        acceptedAt: d.acceptedAt,
      });
    },
    'quality-monitoring.LinkageDismissed': async (recorded, view) => {
      const d = recorded.data as LinkageDismissedData;
      await view.delete(linkageKey(d.proposalId, d.toolRef));
    },
  },
});
