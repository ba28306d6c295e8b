import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirectoryReadiness, ensureWritableDataDirectory } from './data-directory';

describe('the data directory of the embedded platform', () => {
  const root = mkdtempSync(join(tmpdir(), 'sfp-data-directory-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is made when missing, and a start on one that cannot be written stops naming it and why', () => {
    expect(() => ensureWritableDataDirectory(join(root, 'data', 'nested'))).not.toThrow();
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    expect(() => ensureWritableDataDirectory(join(file, 'data'))).toThrow(
      new RegExp(
        `^The data directory ${file}/data \\(SFP_DATA_DIR\\) cannot be written: .*set SFP_DATA_DIR to a writable folder$`,
      ),
    );
  });

  it('is ready while its disk has room, and reported full below the minimum free space', async () => {
    await expect(dataDirectoryReadiness(root, 0).check()).resolves.toBeUndefined();
    await expect(dataDirectoryReadiness(root, Number.MAX_SAFE_INTEGER).check()).rejects.toThrow(
      /^the disk of .* is full: \d+ bytes free, below \d+; free space there$/,
    );
    await expect(dataDirectoryReadiness(join(root, 'missing')).check()).rejects.toThrow(
      /cannot be written/,
    );
  });
});
