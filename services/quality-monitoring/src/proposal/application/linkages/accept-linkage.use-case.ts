import { proposalCommand } from '../proposal.command-routes';
import { linkOf } from './linkage-suggestions';
import { AcceptLinkageDto } from './linkage.request.dto';

/** A suggested link accepted: a public event, shown by the tool's owner. POST /proposals/:id/linkages */
export const acceptQualityLinkage = proposalCommand({
  path: 'linkages',
  commandType: 'AcceptLinkage',
  operationId: 'acceptQualityLinkage',
  summary:
    'Accept a link to another context’s tool (a suggestion’s toolRef): the tool’s owner shows the proposal linked to it.',
  done: 'Accepted',
  dto: AcceptLinkageDto,
  rules: 'A tool not known from the other contexts’ events (code RULE_VIOLATED, on toolRef)',
  command:
    (dto, { id }, proposals) =>
    async () => {
      const { tool, score, reason } = await linkOf(proposals, id, dto.toolRef);
      return {
        type: 'AcceptLinkage',
        toolRef: tool.toolRef,
        kind: tool.kind,
        toolId: tool.toolId,
        context: tool.context,
        toolTitle: tool.title,
        score,
        reason,
        ...(dto.note ? { note: dto.note } : {}),
      };
    },
});
