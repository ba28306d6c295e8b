import { crossesSnapshotBoundary, validatePolicy } from './snapshot.policy';
import { supersedes } from './snapshot-store.port';

describe('snapshot policy', () => {
  it.each([
    [0, 1, 3, false],
    [0, 3, 3, true],
    [2, 3, 3, true],
    [3, 4, 3, false],
    [2, 7, 3, true],
    [5, 6, 3, true],
    [6, 8, 3, false],
    [0, 1, 1, true],
    [9, 12, 10, true],
  ])('from %i to %i every %i: %s', (from, to, every, expected) => {
    expect(crossesSnapshotBoundary(from, to, every)).toBe(expected);
  });

  it('refuses a policy that cannot work', () => {
    expect(() => validatePolicy({ every: 0, schemaVersion: 1 })).toThrow(/every/);
    expect(() => validatePolicy({ every: 2.5, schemaVersion: 1 })).toThrow(/every/);
    expect(() => validatePolicy({ every: 5, schemaVersion: 0 })).toThrow(/schemaVersion/);
  });

  it('keeps the higher version, an equal one replaces', () => {
    const at = (version: number, schemaVersion = 1) => ({
      streamId: 's',
      version,
      schemaVersion,
      state: {},
    });
    expect(supersedes(at(5), undefined)).toBe(true);
    expect(supersedes(at(5), at(4))).toBe(true);
    expect(supersedes(at(5), at(5))).toBe(true);
    expect(supersedes(at(4), at(5))).toBe(false);
    expect(supersedes(at(4, 2), at(5, 1))).toBe(false);
    expect(supersedes(at(6, 2), at(5, 1))).toBe(true);
  });
});
