import type { ReactNode } from 'react';

/** A list as a table: a header row of column names, the rows as children. */
export function ListTable(props: {
  label: string;
  columns: readonly ReactNode[];
  children: ReactNode;
  busy?: boolean;
}) {
  return (
    <table className="list" aria-label={props.label} aria-busy={props.busy || undefined}>
      <thead>
        <tr>
          {props.columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

/** A column name read to screen readers only (a column of buttons). */
export function Unseen({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
