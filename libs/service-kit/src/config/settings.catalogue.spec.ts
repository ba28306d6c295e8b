import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SETTINGS, settingsTable } from './settings.catalogue';
import { documentedSettingsTable, readOperationsDoc, tableCells } from './settings-table';

const ROOT = join(__dirname, '../../../..');

/** The TypeScript sources of the libraries and services, without tests, test tools and the browser console. */
function sources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!['node_modules', 'dist', 'test', 'testing'].includes(entry)) walk(path);
      } else if (
        entry.endsWith('.ts') &&
        !/\.(spec|int-spec|contract-spec|e2e-spec|contract)\.ts$/.test(entry)
      ) {
        files.push(path);
      }
    }
  };
  for (const top of ['libs', 'services']) {
    for (const project of readdirSync(join(ROOT, top))) {
      if (project === 'testing' || project === 'admin-console') continue;
      const src = join(ROOT, top, project, 'src');
      if (statSync(join(ROOT, top, project)).isDirectory()) {
        try {
          walk(src);
        } catch {
          // a project without src
        }
      }
    }
  }
  return files;
}

/** Where each variable is read: settings classes' properties and `env['…']` / `env.…` reads. */
function variablesTheCodeReads(): Map<string, string> {
  const found = new Map<string, string>();
  const isSettingsFile = (file: string) =>
    /\.(settings|config)\.ts$/.test(file) && !file.endsWith('settings.catalogue.ts');
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    if (isSettingsFile(file)) {
      for (const match of text.matchAll(/^\s+(?:override\s+)?([A-Z][A-Z0-9_]+)[!?]?\s*[:=]/gm))
        found.set(match[1] as string, where);
    }
    for (const match of text.matchAll(
      /\benv(?:\[['"]([A-Z][A-Z0-9_]+)['"]\]|\.([A-Z][A-Z0-9_]+))/g,
    ))
      found.set((match[1] ?? match[2]) as string, where);
  }
  return found;
}

describe('the settings catalogue (docs/operations.md#settings)', () => {
  it('is the table of docs/operations.md: regenerate it with write-settings-table.ts', () => {
    const documented = documentedSettingsTable(readOperationsDoc());
    expect(documented).toBeDefined();
    expect(tableCells(documented ?? '')).toEqual(tableCells(settingsTable()));
  });

  it('lists every variable a settings class declares or the code reads', () => {
    const read = variablesTheCodeReads();
    // The scan itself finds the declarations it is meant to find.
    for (const known of [
      'SFP_AUTH_TOKEN_SECRET',
      'SFP_ADMIN_PASSWORD',
      'SFP_PSEUDONYM_SECRET',
      'KAFKA_BROKERS',
      'SFP_DATA_DIR',
      'SLA_CHECK_INTERVAL_MS',
      'REPORTING_QUERY_TIMEOUT_MS',
      'SFP_MAX_BODY_DEPTH',
    ])
      expect(read.has(known)).toBe(true);
    const listed = new Set(SETTINGS.map((s) => s.name));
    const missing = [...read].filter(([name]) => !listed.has(name)).map(([n, f]) => `${n} (${f})`);
    expect(missing).toEqual([]);
  });

  it('lists each variable once, with who reads it, a default, a rule and a purpose', () => {
    const names = SETTINGS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const setting of SETTINGS) {
      expect(setting.readBy && setting.default && setting.rule && setting.purpose).toBeTruthy();
    }
  });
});
