// Form fields that show the API's messages beside the input (linked by
// aria-describedby, marked aria-invalid), and the form's other errors.
import { useId, type ReactNode } from 'react';
import { ApiError, type FieldMessageSource } from '../api/client';
import { ErrorMessage } from './feedback';
import { fieldName, readableMessage } from './field-messages';
import { label } from './format';
import type { BoundField } from './use-command-form';

interface FieldProps<T> {
  label: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  errors?: FieldMessageSource | null;
  required?: boolean;
  hint?: string;
}

/** What a choice among codes needs (a form's `bind(name)` gives it). */
export interface ChoiceBinding<T extends string> {
  name: string;
  value: T | '';
  onChange: (value: T) => void;
  errors: FieldMessageSource | null;
}

/** What a set of codes needs (a form's `bind(name)` gives it). */
export interface ChoicesBinding<T extends string> {
  name: string;
  value: readonly T[];
  onChange: (value: T[]) => void;
  errors: FieldMessageSource | null;
}

/** Field messages from the API, linked to the input by aria-describedby. */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul className="field-error" id={id}>
      {messages.map((message) => (
        <li key={message}>{readableMessage(message)}</li>
      ))}
    </ul>
  );
}

/** The ids, messages and ARIA attributes of one field. */
function useField(props: Pick<FieldProps<unknown>, 'name' | 'errors' | 'hint'>) {
  const base = useId();
  const ids = { input: `${base}-input`, error: `${base}-error`, hint: `${base}-hint` };
  const messages = props.errors?.messagesFor(props.name) ?? [];
  const describedBy =
    [messages.length ? ids.error : '', props.hint ? ids.hint : ''].filter(Boolean).join(' ') ||
    undefined;
  return {
    ids,
    messages,
    aria: { 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': describedBy },
  };
}

/** The frame of a field: its label, the input, a hint and the API's messages. */
function FieldFrame(props: {
  field: ReturnType<typeof useField>;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  const { ids, messages } = props.field;
  return (
    <div className={`field${messages.length ? ' invalid' : ''}`}>
      <label htmlFor={ids.input}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <small id={ids.hint} className="hint">
          {props.hint}
        </small>
      ) : null}
      <FieldMessages id={ids.error} messages={messages} />
    </div>
  );
}

export function TextField(
  props: FieldProps<string> & {
    type?: string;
    multiline?: boolean;
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const field = useField(props);
  const common = {
    id: field.ids.input,
    name: props.name,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    ...field.aria,
  };
  return (
    <FieldFrame field={field} label={props.label} hint={props.hint}>
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** What a text field may be given besides its label and its binding. */
export interface TextFieldOptions {
  hint?: string;
  type?: string;
  multiline?: boolean;
  required?: boolean;
}

/**
 * A form's text fields by name and label, `text('title', 'Title', { hint })`:
 * each required unless its options say otherwise (`required` is the default).
 */
export function textFieldsOf<K extends string>(
  bind: (name: K) => BoundField<string>,
  required: boolean,
) {
  return function text(name: K, fieldLabel: string, options: TextFieldOptions = {}) {
    return (
      <TextField
        label={fieldLabel}
        {...bind(name)}
        {...options}
        required={options.required ?? required}
      />
    );
  };
}

/** A choice among reference data (@sfp/contracts), each shown by `format`. */
export function SelectField<T extends string>(
  props: Omit<FieldProps<T | ''>, 'onChange'> & {
    /** One of the options ('' only when an empty choice is offered and taken). */
    onChange: (value: T) => void;
    options: readonly T[];
    emptyLabel?: string;
    /** How a code reads; by default its label ('in-progress' → 'In progress'). */
    format?: (value: T) => string;
  },
) {
  const field = useField(props);
  const format = props.format ?? label;
  return (
    <FieldFrame field={field} label={props.label} hint={props.hint}>
      <select
        id={field.ids.input}
        name={props.name}
        value={props.value}
        required={props.required}
        {...field.aria}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {format(option)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxGroup<T extends string>(
  props: Omit<FieldProps<readonly T[]>, 'label' | 'hint' | 'onChange'> & {
    onChange: (value: T[]) => void;
    legend: string;
    options: readonly T[];
    /** How a code reads; by default its label. */
    format?: (value: T) => string;
  },
) {
  const field = useField(props);
  const { messages, ids } = field;
  const format = props.format ?? label;
  return (
    <fieldset
      className={`field checkboxes${messages.length ? ' invalid' : ''}`}
      aria-describedby={messages.length ? ids.error : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            name={props.name}
            value={option}
            checked={props.value.includes(option)}
            onChange={(e) =>
              props.onChange(
                e.target.checked
                  ? [...props.value, option]
                  : props.value.filter((v) => v !== option),
              )
            }
          />
          {format(option)}
        </label>
      ))}
      <FieldMessages id={ids.error} messages={messages} />
    </fieldset>
  );
}

/** One yes/no choice, its text beside the box. */
export function CheckboxField(props: {
  children: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field checkbox-field">
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />{' '}
        {props.children}
      </label>
    </div>
  );
}

/** Errors the form shows by no field (the rest are shown beside their fields). */
export function FormErrors({ form }: { form: { error: unknown; fields: readonly string[] } }) {
  const { error, fields } = form;
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length) {
    const elsewhere = error.fieldErrors.filter((e) => !fields.includes(e.field));
    return (
      <div className="error" role="alert">
        <strong>Please correct the fields marked in red.</strong>
        {elsewhere.length ? (
          <ul>
            {elsewhere.map((e) => (
              <li key={e.field}>
                {fieldName(e.field)}: {e.messages.map(readableMessage).join('; ')}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

/** The form's button: disabled, saying what it does, while the command runs. */
export function SubmitButton(props: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={props.className ?? 'primary'}
      disabled={props.busy || props.disabled}
    >
      {props.busy ? props.busyLabel : props.children}
    </button>
  );
}
