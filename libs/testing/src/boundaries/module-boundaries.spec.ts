import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** Lints `code` as if it were the file at `filePath` (relative to the repository root). */
function lint(filePath: string, code: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/eslint/bin/eslint.js'),
      '--stdin',
      '--stdin-filename',
      filePath,
      '--format',
      'stylish',
    ],
    { cwd: ROOT, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * The boundaries are enforced, not only declared: the same ESLint setup that
 * CI runs refuses these imports.
 */
describe('module boundaries (eslint.config.mjs)', () => {
  it('refuses a shared library importing a service', () => {
    const { status, output } = lint(
      'libs/messaging/src/probe.ts',
      "import { HelpDeskModule } from '@sfp/help-desk';\nexport const x = HelpDeskModule;\n",
    );
    expect(status).toBe(1);
    expect(output).toMatch(/enforce-module-boundaries/);
  });

  it('refuses domain code importing a database driver or the framework', () => {
    const { status, output } = lint(
      'services/help-desk/src/service-request/domain/probe.ts',
      "import mongoose from 'mongoose';\nimport { Injectable } from '@nestjs/common';\nexport const x = [mongoose, Injectable];\n",
    );
    expect(status).toBe(1);
    expect(output).toMatch(/'mongoose' import is restricted/);
    expect(output).toMatch(/Domain code imports no framework/);
  });

  it('refuses domain code importing the event-sourcing adapters instead of its pure entry', () => {
    const { output } = lint(
      'services/help-desk/src/service-request/domain/probe.ts',
      "import { SqliteEventStore } from '@sfp/event-sourcing';\nexport const x = SqliteEventStore;\n",
    );
    expect(output).toMatch(/@sfp\/event-sourcing\/domain/);
  });

  it('accepts what the rules allow', () => {
    const { status, output } = lint(
      'services/help-desk/src/service-request/domain/probe.ts',
      "import { defineEventType } from '@sfp/event-sourcing/domain';\nexport const x = defineEventType;\n",
    );
    expect({ status, output }).toEqual({ status: 0, output: '' });
  });
});
