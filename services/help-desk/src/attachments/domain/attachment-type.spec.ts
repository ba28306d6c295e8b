import { checkAttachmentType, extensionOf, isReadableText } from './attachment-type';

const bytes = (...values: number[]) => Buffer.from(values);
const pdf = Buffer.from('%PDF-1.7\n');
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const zip = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0);
const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);

describe('which files a request may carry', () => {
  it.each([
    ['terms.pdf', pdf, 'application/pdf'],
    ['TERMS.PDF', pdf, 'application/pdf'],
    ['chart.png', png, 'image/png'],
    ['photo.jpeg', jpeg, 'image/jpeg'],
    ['photo.jpg', jpeg, 'image/jpeg'],
    ['scan.gif', Buffer.from('GIF89a....'), 'image/gif'],
    ['budget.xlsx', zip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['letter.docx', zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['old.doc', ole, 'application/msword'],
    ['old.xls', ole, 'application/vnd.ms-excel'],
    ['notes.txt', Buffer.from('Réunion lundi\r\n\tpoint 1\n'), 'text/plain; charset=utf-8'],
    ['figures.csv', Buffer.from('institution,par30\nA,0.05\n'), 'text/csv; charset=utf-8'],
  ])('accepts %s as %s', (filename, content, contentType) => {
    const verdict = checkAttachmentType(filename, content);
    expect(verdict).toEqual({ accepted: true, type: expect.objectContaining({ contentType }) });
  });

  it.each([
    ['setup.exe', exe, 'are not accepted'],
    ['page.html', Buffer.from('<html></html>'), 'are not accepted'],
    ['image.svg', Buffer.from('<svg/>'), 'are not accepted'],
    ['no-extension', pdf, 'named .(none) are not accepted'],
    ['minutes.pdf', exe, 'expected PDF document'],
    ['chart.png', pdf, 'expected PNG image'],
    ['budget.xlsx', pdf, 'expected Excel workbook'],
    ['notes.txt', bytes(0x00, 0x01, 0x02), 'expected Text'],
    ['notes.txt', bytes(0xc3, 0x28), 'expected Text'],
    ['notes.txt', Buffer.alloc(0), 'expected Text'],
  ])('refuses %s (%s)', (filename, content, reason) => {
    const verdict = checkAttachmentType(filename, content);
    expect(verdict.accepted).toBe(false);
    expect(!verdict.accepted && verdict.reason).toContain(reason);
  });

  it('reads the extension after the last dot, lower case; a leading dot is no extension', () => {
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('.profile')).toBe('');
    expect(extensionOf('README')).toBe('');
  });

  it('reads text as UTF-8 without control characters', () => {
    expect(isReadableText(Buffer.from('plain\ttext\n'))).toBe(true);
    expect(isReadableText(Buffer.from('bell\u0007'))).toBe(false);
  });
});
