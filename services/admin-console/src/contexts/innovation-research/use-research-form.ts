// A research form that opens a page once its command succeeds (the new
// project): useCommandForm with the research queries to read again, and the
// page to go to.
import { useNavigate } from 'react-router';
import {
  useCommandForm,
  type CommandForm,
  type CommandFormOptions,
} from '../../components/use-command-form';
import { RESEARCH_KEY } from './research.api';

export function useResearchForm<V extends object, R>(
  options: Omit<CommandFormOptions<V, R>, 'invalidates' | 'onSuccess'> & {
    /** The page to open after success (a path of `href`). */
    opens: (result: R, values: V) => string;
  },
): CommandForm<V> {
  const navigate = useNavigate();
  const { opens, ...form } = options;
  return useCommandForm<V, R>({
    ...form,
    invalidates: [RESEARCH_KEY],
    onSuccess: (result, values) => navigate(opens(result, values)),
  });
}
