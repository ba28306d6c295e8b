import { proposalCommand } from '../proposal.command-routes';
import { linkOf } from './linkage-suggestions';
import { DismissLinkageDto } from './linkage.request.dto';

/**
 * A suggestion dismissed (not suggested again); dismissing an accepted link
 * removes it. POST /proposals/:id/linkages/dismiss
 */
export const dismissQualityLinkage = proposalCommand({
  path: 'linkages/dismiss',
  commandType: 'DismissLinkage',
  operationId: 'dismissQualityLinkage',
  summary:
    'Dismiss a suggested link, with the reason (it is not suggested again); dismissing an accepted link removes it.',
  done: 'Dismissed',
  dto: DismissLinkageDto,
  rules: 'A tool not known from the other contexts’ events (code RULE_VIOLATED, on toolRef)',
  command:
    (dto, { id }, proposals) =>
    async () => {
      const { tool } = await linkOf(proposals, id, dto.toolRef);
      return {
        type: 'DismissLinkage',
        toolRef: tool.toolRef,
        kind: tool.kind,
        toolId: tool.toolId,
        context: tool.context,
        reason: dto.reason,
      };
    },
});
