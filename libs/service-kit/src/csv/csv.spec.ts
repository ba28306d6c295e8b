import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { header: 'id', value: (r: { id: string; n?: number; tags?: string[] }) => r.id },
    { header: 'n', value: (r: { id: string; n?: number; tags?: string[] }) => r.n },
    { header: 'tags', value: (r: { id: string; n?: number; tags?: string[] }) => r.tags },
  ];

  it('writes a header and one CRLF-terminated line per row, quoting where needed', () => {
    expect(toCsv([{ id: 'a', n: 1, tags: ['x', 'y'] }, { id: 'say "hi", ok\nbye' }], columns)).toBe(
      'id,n,tags\r\na,1,x; y\r\n"say ""hi"", ok\nbye",,\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(
      toCsv([{ id: '=HYPERLINK("http://x")' }, { id: '-2+3' }, { id: '@SUM(A1)' }], columns),
    ).toBe(`id,n,tags\r\n"'=HYPERLINK(""http://x"")",,\r\n'-2+3,,\r\n'@SUM(A1),,\r\n`);
  });

  it('leaves negative numbers as numbers', () => {
    expect(toCsv([{ id: 'a', n: -5 }], columns)).toBe('id,n,tags\r\na,-5,\r\n');
  });
});
