// The assignee of a request, picked from the platform's users who may handle
// it (a help-desk role, the team of its themes), each with their workload.
import { useQuery } from '@tanstack/react-query';
import type { AssigneeCandidate } from '@sfp/contracts';
import { get, queryString } from '../../api/client';
import { QueryState } from '../../components/feedback';
import { SelectField } from '../../components/fields';
import type { BoundField } from '../../components/use-command-form';
import { HELP_DESK_KEY } from './help-desk.api';

export const assigneesQuery = (requestId: string) => ({
  queryKey: [...HELP_DESK_KEY, 'assignees', requestId],
  queryFn: () => get<AssigneeCandidate[]>(`/api/help-desk/assignees${queryString({ requestId })}`),
});

function workload(count: number): string {
  return count === 0
    ? 'no open request'
    : `${count.toLocaleString('en-GB')} open request${count === 1 ? '' : 's'}`;
}

export function AssigneePicker({
  requestId,
  field,
}: {
  requestId: string;
  field: BoundField<string>;
}) {
  const candidates = useQuery(assigneesQuery(requestId));
  const byName = new Map((candidates.data ?? []).map((c) => [c.username, c]));
  return (
    <>
      <QueryState query={candidates} what="Loading who may handle it" />
      <SelectField
        label="Assignee"
        {...field}
        options={[...byName.keys()]}
        emptyLabel="Choose a person…"
        hint="Operators and administrators of the team of the request’s themes, the least loaded first"
        format={(username) => {
          const c = byName.get(username);
          return c
            ? `${c.displayName} (${c.username})${c.team ? `, ${c.team}` : ''}: ${workload(c.openRequests)}`
            : username;
        }}
      />
    </>
  );
}
