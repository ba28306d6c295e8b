import { CodedError } from '@sfp/event-sourcing';

/** The query reads more documents than the bound: narrow the filter. */
export class QueryTooBroadError extends CodedError {
  constructor(
    readonly view: string,
    readonly maxScannedRows: number,
  ) {
    super(
      'QUERY_TOO_BROAD',
      `The query on view ${view} matches more than ${maxScannedRows} documents; narrow the filter (e.g. a time range on a timestamp field)`,
    );
  }
}

/** The query ran past its time budget. As-of replays keep their progress: the same query again continues. */
export class QueryTimeoutError extends CodedError {
  constructor(
    readonly view: string,
    readonly timeoutMs: number,
  ) {
    super(
      'QUERY_TIMEOUT',
      `The query on view ${view} took longer than ${timeoutMs} ms; narrow the filter, or retry (an "as of" replay continues where it stopped)`,
    );
  }
}

export class UnknownViewError extends CodedError {
  constructor(
    readonly view: string,
    known: readonly string[],
  ) {
    super(
      'UNKNOWN_VIEW',
      `There is no reporting view named ${JSON.stringify(view.slice(0, 100))}; the views are: ${known.join(', ')}`,
    );
  }
}
