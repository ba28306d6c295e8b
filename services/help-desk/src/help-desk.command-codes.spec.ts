import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedTable, rejectionCodesTable, tableCells } from '@sfp/messaging';
import { HELP_DESK_ERROR_STATUSES } from './help-desk.context';

describe('docs/security.md: the help-desk rejection codes of inbound commands', () => {
  it('lists exactly the codes of the code (scripts/docs/command-codes.ts prints them)', () => {
    const document = readFileSync(join(__dirname, '../../../docs/security.md'), 'utf8');
    const documented = documentedTable(document, 'help-desk');
    expect(documented).toBeDefined();
    expect(tableCells(documented ?? '')).toEqual(
      tableCells(rejectionCodesTable(HELP_DESK_ERROR_STATUSES)),
    );
  });
});
