/**
 * `a,b` or `a&a=b` → a list. An empty value (`status=`, `a,`) stays in it as
 * '', for the filter's rule to refuse: an empty filter is not "no filter".
 */
export const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim());

export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * A whole number written in decimal digits (`42`, `-3`) → that number; any
 * other value (empty, `1.5`, `0x10`, ` 7`, repeated) stays as it came, so
 * that the number rules refuse it (`Number('')` would be 0, and pass).
 */
export const toWholeNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
