// A knowledge-base form that opens a page once its command succeeds (the new
// institution, the library on the new entry): useCommandForm with the
// knowledge base's queries to read again, and the page to go to.
import { useNavigate } from 'react-router';
import {
  useCommandForm,
  type CommandForm,
  type CommandFormOptions,
} from '../../components/use-command-form';
import { KNOWLEDGE_BASE_KEY } from './knowledge-base.api';

export function useKnowledgeBaseForm<V extends object, R>(
  options: Omit<CommandFormOptions<V, R>, 'invalidates' | 'onSuccess'> & {
    /** The page to open after success (a path of `href`). */
    opens: (result: R, values: V) => string;
  },
): CommandForm<V> {
  const navigate = useNavigate();
  const { opens, ...form } = options;
  return useCommandForm<V, R>({
    ...form,
    invalidates: [KNOWLEDGE_BASE_KEY],
    onSuccess: (result, values) => navigate(opens(result, values)),
  });
}
