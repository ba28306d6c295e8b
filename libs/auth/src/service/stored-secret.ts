import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret of the embedded mode, made once at first start and kept beside the
 * data, readable by its owner only (mode 0600): `{ "<field>": "<secret>" }`.
 * The same file again gives the same secret.
 */
export function storedSecret(file: string, field: string, make: () => string): string {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const value = stored[field];
    if (typeof value === 'string' && value) return value;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = make();
  writeFileSync(file, JSON.stringify({ [field]: secret }, null, 2), { mode: 0o600 });
  return secret;
}
