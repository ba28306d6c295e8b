// The help desk's saved replies per theme (/api/help-desk/macros).
import { queryOptions } from '@tanstack/react-query';
import type { Macro } from '@sfp/contracts';
import { api, get, post, queryString } from '../../api/client';
import { HELP_DESK_KEY, type CommandResult } from './help-desk.api';

const MACROS = '/api/help-desk/macros';

export type MacroDraft = Pick<Macro, 'title' | 'text' | 'visibility'>;

export const macroQueries = {
  list: (theme?: string) =>
    queryOptions({
      queryKey: [...HELP_DESK_KEY, 'macros', theme ?? 'all'],
      queryFn: () => get<Macro[]>(`${MACROS}${queryString({ theme })}`),
    }),
};

export const macroCommands = {
  create: (theme: string, draft: MacroDraft) =>
    post<Macro>(`${MACROS}/${encodeURIComponent(theme)}`, draft),
  edit: async (macro: Pick<Macro, 'theme' | 'macroId'>, draft: MacroDraft) =>
    (
      await api<Macro>(`${MACROS}/${encodeURIComponent(macro.theme)}/${macro.macroId}`, {
        method: 'PUT',
        body: draft,
      })
    ).body,
  remove: async (macro: Pick<Macro, 'theme' | 'macroId'>) =>
    (
      await api<void>(`${MACROS}/${encodeURIComponent(macro.theme)}/${macro.macroId}`, {
        method: 'DELETE',
      })
    ).body,
  apply: (requestId: string, macro: Pick<Macro, 'theme' | 'macroId'>) =>
    post<CommandResult>(
      `/api/help-desk/service-requests/${encodeURIComponent(requestId)}/macro-replies`,
      { theme: macro.theme, macroId: macro.macroId },
    ),
};
