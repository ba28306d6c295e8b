/** The query reads more documents than the bound: narrow the filter. */
export class QueryTooBroadError extends Error {
  readonly code = 'QUERY_TOO_BROAD';
  constructor(
    readonly view: string,
    readonly maxScannedRows: number,
  ) {
    super(
      `The query on view ${view} matches more than ${maxScannedRows} documents; narrow the filter (e.g. a time range on a timestamp field)`,
    );
    this.name = 'QueryTooBroadError';
  }
}

/** The query ran past its time budget. As-of replays keep their progress: the same query again continues. */
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
  constructor(
    readonly view: string,
    readonly timeoutMs: number,
  ) {
    super(
      `The query on view ${view} took longer than ${timeoutMs} ms; narrow the filter, or retry (an "as of" replay continues where it stopped)`,
    );
    this.name = 'QueryTimeoutError';
  }
}

export class UnknownViewError extends Error {
  readonly code = 'UNKNOWN_VIEW';
  constructor(
    readonly view: string,
    known: readonly string[],
  ) {
    super(
      `There is no reporting view named ${JSON.stringify(view.slice(0, 100))}; the views are: ${known.join(', ')}`,
    );
    this.name = 'UnknownViewError';
  }
}
