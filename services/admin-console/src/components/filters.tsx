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

/**
 * A choice among codes: `options` shown as labels (or by `format`), or a
 * record of code → label; the empty choice ('Any') removes the filter.
 */
export function FilterSelect<T extends string>(props: {
  label: string;
  value: string | undefined;
  options: readonly T[] | Readonly<Record<T, string>>;
  onChange: (value: T | undefined) => void;
  /** The choice that sets no filter; null: none (one of the options is always chosen). */
  emptyLabel?: string | null;
  /**
   * The option the list shows when the filter is absent: there is no empty
   * choice, and choosing it removes the filter (onChange gets undefined).
   */
  fallback?: T;
  format?: (value: T) => string;
  /** Its label beside it, not above (a choice on its own). */
  inline?: boolean;
}) {
  const id = useId();
  const named = !Array.isArray(props.options);
  const options = (named ? Object.keys(props.options) : props.options) as readonly T[];
  const format =
    props.format ?? (named ? (code: T) => (props.options as Record<T, string>)[code] : label);
  return (
    <Labelled id={id} label={props.label} inline={props.inline}>
      <select
        id={id}
        value={props.value ?? props.fallback ?? ''}
        onChange={(e) => {
          const value = (e.target.value || undefined) as T | undefined;
          props.onChange(value === props.fallback ? undefined : value);
        }}
      >
        {props.emptyLabel === null || props.fallback !== undefined ? null : (
          <option value="">{props.emptyLabel ?? 'Any'}</option>
        )}
        {options.map((option) => (
          <option key={option} value={option}>
            {format(option)}
          </option>
        ))}
      </select>
    </Labelled>
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
  /** Its label beside it, not above (a filter on its own). */
  inline?: boolean;
}) {
  const id = useId();
  return (
    <Labelled id={id} label={props.label} inline={props.inline}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        size={props.size}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Labelled>
  );
}

/** A filter's frame: its label, above it or beside it. */
function Labelled(props: { id: string; label: string; inline?: boolean; children: ReactNode }) {
  return (
    <div className={props.inline ? 'field inline' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}
