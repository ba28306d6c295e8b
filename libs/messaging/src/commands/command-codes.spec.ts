import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterReasonsTable, documentedTable, tableCells } from './command-codes';

describe('docs/security.md: the dead-letter reasons of inbound commands', () => {
  it('lists exactly the reasons and rejection codes of the code (scripts/docs/command-codes.ts prints them)', () => {
    const document = readFileSync(join(__dirname, '../../../../docs/security.md'), 'utf8');
    const documented = documentedTable(document, 'dead-letters');
    expect(documented).toBeDefined();
    expect(tableCells(documented ?? '')).toEqual(tableCells(deadLetterReasonsTable()));
  });
});
