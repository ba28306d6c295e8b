// A training form that opens a page once its command succeeds (the new course,
// the new offering): useCommandForm with the training queries to read again,
// and the page to go to.
import { useNavigate } from 'react-router';
import {
  useCommandForm,
  type CommandForm,
  type CommandFormOptions,
} from '../../components/use-command-form';
import { TRAINING_KEY } from './training.api';

export function useTrainingForm<V extends object, R>(
  options: Omit<CommandFormOptions<V, R>, 'invalidates' | 'onSuccess'> & {
    /** The page to open after success (a path of `href`). */
    opens: (result: R, values: V) => string;
  },
): CommandForm<V> {
  const navigate = useNavigate();
  const { opens, ...form } = options;
  return useCommandForm<V, R>({
    ...form,
    invalidates: [TRAINING_KEY],
    onSuccess: (result, values) => navigate(opens(result, values)),
  });
}
