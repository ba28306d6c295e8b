// The one way the console's forms send a command: the values typed, the
// API's validation messages (the RFC 9457 problem document's `fieldErrors`)
// beside their fields, busy while it runs, and the version the form was
// opened on sent as If-Match, so a stale edit is refused (409) and said so.
import { useState, type FormEvent } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { ApiError, isStaleVersion, type FieldMessageSource } from '../api/client';
import { useCommand } from '../api/query';

export interface CommandFormOptions<V extends object, R> {
  /** The values the form opens with, keyed by the API's field names ('requester.email'). */
  initial: V;
  /** Sends the command: the values, and the version to send as If-Match (when the form has one). */
  send: (values: V, ifMatch: number | undefined) => Promise<R>;
  /** The version of the record the form was opened on (updates only). */
  version?: number;
  /** The query keys the command changes (its context's), read again on success. */
  invalidates: readonly QueryKey[];
  onSuccess?: (result: R, values: V) => void;
  /** Fields shown beside their inputs besides the keys of `initial` (the rest are listed above the button). */
  fields?: readonly string[];
  /** Back to `initial` after success (a form that stays on the page). */
  resetOnSuccess?: boolean;
}

/** What an input needs: `<TextField label="Title" {...form.bind('title')} />`. */
export interface BoundField<T> {
  name: string;
  value: T;
  onChange: (value: T) => void;
  errors: FieldMessageSource | null;
}

export interface CommandForm<V extends object> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  bind: <K extends keyof V & string>(name: K) => BoundField<V[K]>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  /** The last failure (a problem document as ApiError, or another error), until the next submit. */
  error: unknown;
  /** The failure's field messages, by field. */
  errors: ApiError | null;
  /** Refused because the record changed since the form was opened. */
  stale: boolean;
  /** The fields shown beside their inputs. */
  fields: readonly string[];
  reset: () => void;
}

/** Moves to the first field in error, so a keyboard or screen-reader user lands on it. */
function focusFirstInvalid(form: HTMLFormElement): void {
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

export function useCommandForm<V extends object, R = unknown>(
  options: CommandFormOptions<V, R>,
): CommandForm<V> {
  const [values, setValues] = useState<V>(options.initial);
  const command = useCommand<{ values: V; form: HTMLFormElement }, R>(
    (sent) => options.send(sent.values, options.version),
    {
      invalidates: options.invalidates,
      onSuccess: (result, sent) => {
        if (options.resetOnSuccess) setValues(options.initial);
        options.onSuccess?.(result, sent.values);
      },
      onError: (_error, sent) => focusFirstInvalid(sent.form),
    },
  );
  const set = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((previous) => ({ ...previous, [name]: value }));
  const errors = command.error instanceof ApiError ? command.error : null;
  return {
    values,
    set,
    bind: (name) => ({ name, value: values[name], onChange: (value) => set(name, value), errors }),
    onSubmit: (event) => {
      event.preventDefault();
      if (!command.busy) command.run({ values, form: event.currentTarget });
    },
    busy: command.busy,
    error: command.error,
    errors,
    stale: isStaleVersion(command.error),
    fields: [...Object.keys(options.initial), ...(options.fields ?? [])],
    reset: () => {
      setValues(options.initial);
      command.reset();
    },
  };
}
