import { InvalidAnalystQueryError } from '../query/domain/analyst-query.validation';

/**
 * The query-string parameters of a route, checked: only the names given, each
 * a single string (`a[$gt]=` or `a=1&a=2` are refused). Throws a 400 with a
 * message per parameter.
 */
export function queryParams<K extends string>(
  what: string,
  raw: Record<string, unknown>,
  allowed: readonly K[],
): Partial<Record<K, string>> {
  const problems: { field: string; message: string }[] = [];
  const result: Partial<Record<K, string>> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (!(allowed as readonly string[]).includes(name)) {
      problems.push({ field: name, message: `unknown parameter (use ${allowed.join(', ')})` });
    } else if (typeof value !== 'string') {
      problems.push({ field: name, message: 'must be given once, as plain text' });
    } else {
      result[name as K] = value;
    }
  }
  if (problems.length > 0) throw new InvalidAnalystQueryError(what, problems);
  return result;
}

export function formatOf<F extends string>(
  what: string,
  value: string | undefined,
  formats: readonly F[],
): F {
  if (value === undefined) return formats[0] as F;
  if (!(formats as readonly string[]).includes(value)) {
    throw new InvalidAnalystQueryError(what, [
      { field: 'format', message: `must be one of ${formats.join(', ')}` },
    ]);
  }
  return value as F;
}
