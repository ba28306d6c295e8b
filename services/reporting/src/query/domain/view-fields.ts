/**
 * The queryable fields of a reporting view, as an analyst sees them. Every
 * query is checked against these declarations; nothing else is accepted.
 *  - string, number, boolean: filter (eq, in; ranges on string and number), group, sort;
 *  - timestamp: an ISO 8601 instant; eq, in, ranges; group by year, quarter, month or day;
 *  - string-list: eq (contains), in (contains any); grouping counts a row in each of its values.
 */
export type ViewFieldType = 'string' | 'number' | 'boolean' | 'timestamp' | 'string-list';

export interface ViewField {
  type: ViewFieldType;
  description: string;
}

export type ViewFields = Readonly<Record<string, ViewField>>;

export type Scalar = string | number | boolean | null;

/** The declared type of a field, or undefined when the view does not declare it (own properties only). */
export function viewFieldType(fields: ViewFields, name: string): ViewFieldType | undefined {
  return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name]?.type : undefined;
}

/** The fields a read-model store indexes for the view (lists are filtered in memory). */
export function storeFieldsOf(fields: ViewFields): Record<string, 'string' | 'number' | 'boolean'> {
  const result: Record<string, 'string' | 'number' | 'boolean'> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.type === 'string-list') continue;
    result[name] = field.type === 'timestamp' ? 'string' : field.type;
  }
  return result;
}
