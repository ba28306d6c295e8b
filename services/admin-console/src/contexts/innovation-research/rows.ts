// Rows a form holds as a list (hypotheses, funding sources, team members,
// flows…): change one row, add an empty one.
export function rowsEditor<R>(rows: readonly R[], setRows: (rows: R[]) => void, empty: R) {
  return {
    set: (i: number, row: Partial<R>) =>
      setRows(rows.map((r, j) => (j === i ? { ...r, ...row } : r))),
    add: () => setRows([...rows, { ...empty }]),
    remove: (i: number) => setRows(rows.filter((_r, j) => j !== i)),
  };
}
