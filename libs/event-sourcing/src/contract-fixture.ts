// The hooks every contract suite (one per port, run against every adapter) shares.
// Exported as @sfp/event-sourcing/testing, for messaging's and projections' suites too.

/** What a contract suite opens on the adapter under test: at least a way to drop it again. */
export interface ContractFixture {
  /** Closes the adapter and drops its storage. */
  cleanup(): Promise<void>;
}

export interface ContractFixtureOptions<F> {
  /** `'test'` (default): a fresh fixture for every test; `'suite'`: one for all the tests of the describe block. */
  per?: 'test' | 'suite';
  /** Runs on every fixture once it is open: binds the suite's variables, creates topics, … */
  opened?: (fixture: F) => unknown;
  /** Runs after each test (or the suite), before the fixture's cleanup: stops what the suite keeps track of itself. */
  closing?: () => Promise<unknown>;
}

export interface ContractFixtureHandle<F> {
  /** The fixture open now (only within a test or a hook). */
  current(): F;
  /**
   * Releases something a test opened on the fixture (a peer, a running consumer)
   * after the test (after the suite with `per: 'suite'`), before the fixture's cleanup.
   */
  release(close: () => Promise<unknown>): void;
}

/**
 * Opens a fixture from `createFixture` before each test (or once, `per: 'suite'`)
 * and cleans it up after, having released what the test opened on it first.
 * Call it in a contract suite's describe block.
 */
export function useContractFixture<F extends ContractFixture>(
  createFixture: () => Promise<F>,
  options: ContractFixtureOptions<F> = {},
): ContractFixtureHandle<F> {
  const [before, after] = options.per === 'suite' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  let fixture: F | undefined;
  let releases: Array<() => Promise<unknown>> = [];

  before(async () => {
    fixture = await createFixture();
    await options.opened?.(fixture);
  });
  after(async () => {
    const open = fixture;
    const closes = releases;
    fixture = undefined;
    releases = [];
    try {
      await Promise.all(closes.map((close) => close()));
      await options.closing?.();
    } finally {
      await open?.cleanup();
    }
  });

  return {
    current() {
      if (!fixture) throw new Error('No contract fixture is open here: use it within a test');
      return fixture;
    },
    release(close) {
      releases.push(close);
    },
  };
}

/** A port's contract, run by one `*.contract-spec.ts` per adapter: `describeXContract(adapter, createFixture)`. */
export type ContractSuite<F> = (adapter: string, createFixture: () => Promise<F>) => void;

/**
 * A port's contract suite, titled `<port> contract: <adapter>`, its tests
 * declared by `tests` on a fresh fixture for each test.
 */
export function contractSuite<F extends ContractFixture>(
  port: string,
  tests: (fixture: ContractFixtureHandle<F>) => void,
): ContractSuite<F> {
  return (adapter, createFixture) =>
    describe(`${port} contract: ${adapter}`, () => tests(useContractFixture(createFixture)));
}

/** Ids no other test (nor an earlier run on the same storage) uses: `<prefix>-<time>-<n>`. */
export function uniqueIds(prefix: string): () => string {
  let counter = 0;
  return () => `${prefix}-${Date.now().toString(36)}-${++counter}`;
}
