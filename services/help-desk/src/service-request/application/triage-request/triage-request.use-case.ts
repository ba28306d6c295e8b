import { requestCommand } from '../service-request.command-routes';
import { TriageRequestDto } from './triage-request.request.dto';

/** Triage: the kind of request, its themes and priority (and so its due date). POST /service-requests/:id/triage */
export const triageRequest = requestCommand({
  action: 'triage',
  summary: 'Triage the request: its kind, themes and priority (and so its due date).',
  done: 'Triaged: the request now has its kind, themes, priority and due date',
  dto: TriageRequestDto,
  command: (dto) => ({
    type: 'TriageServiceRequest',
    kind: dto.kind,
    ...(dto.globalInitiative ? { globalInitiative: dto.globalInitiative } : {}),
    themes: dto.themes,
    priority: dto.priority,
    ...(dto.note ? { note: dto.note } : {}),
  }),
});
