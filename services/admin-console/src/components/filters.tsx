// The filters above a list: each one a part of the URL, so the filtered view
// is a link.
import { useId, type ReactNode } from 'react';
import { label } from './format';

/** The filters' form: changing a filter applies it; Enter submits (for typed words). */
export function FilterBar(props: {
  label: string;
  children: ReactNode;
  onSubmit?: () => void;
  role?: 'search';
}) {
  return (
    <form
      className="filters"
      aria-label={props.label}
      role={props.role}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit?.();
      }}
    >
      {props.children}
    </form>
  );
}

/** A choice among codes, shown as labels; the empty choice ('Any') removes the filter. */
export function FilterSelect<T extends string>(props: {
  label: string;
  value: string | undefined;
  options: readonly T[];
  onChange: (value: T | undefined) => void;
  /** The choice that sets no filter; null: none (one of the options is always chosen). */
  emptyLabel?: string | null;
  format?: (value: T) => string;
}) {
  const id = useId();
  const format = props.format ?? label;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.target.value || undefined) as T | undefined)}
      >
        {props.emptyLabel === null ? null : <option value="">{props.emptyLabel ?? 'Any'}</option>}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {format(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Filters that each pick one code: [query key, label, codes]. */
export function FilterChoices<N extends string>(props: {
  choices: ReadonlyArray<readonly [N, string, readonly string[]]>;
  value: (name: N) => string | undefined;
  onChange: (name: N, value: string | undefined) => void;
}) {
  return (
    <>
      {props.choices.map(([name, text, options]) => (
        <FilterSelect
          key={name}
          label={text}
          value={props.value(name)}
          options={options}
          onChange={(value) => props.onChange(name, value)}
        />
      ))}
    </>
  );
}

/** A typed filter (a date, words); `onChange` as the input changes. */
export function FilterInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'date' | 'search' | 'text' | 'datetime-local';
  size?: number;
  maxLength?: number;
  placeholder?: string;
  hint?: ReactNode;
  /** Its label beside it, not above (a filter on its own). */
  inline?: boolean;
}) {
  const id = useId();
  return (
    <div className={props.inline ? 'field inline' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        size={props.size}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint ? (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}
