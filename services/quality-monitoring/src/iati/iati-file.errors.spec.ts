import { parseIatiActivity } from './iati-activity.parser';
import { IatiFileError } from './iati-file.error';
import { WOMEN_SME_GUARANTEE_FUND_XML } from './testing/iati-fixtures';

function refusalOf(xml: string): IatiFileError {
  try {
    parseIatiActivity(xml);
  } catch (error) {
    if (error instanceof IatiFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('IATI files the import refuses, naming the element', () => {
  it('refuses XML that is not well-formed, with the line and column', () => {
    // Given the activity with its title's closing tag misspelt
    const xml = WOMEN_SME_GUARANTEE_FUND_XML.replace('</title>', '</titel>');
    const line = xml.slice(0, xml.indexOf('</titel>')).split('\n').length;
    const refusal = refusalOf(xml);
    expect(refusal.code).toBe('MALFORMED_XML');
    expect(refusal.details).toMatchObject({ line });
    expect(refusal.message).toMatch(
      new RegExp(`^The file is not well-formed XML: line ${line}, column \\d+: .*'title'`),
    );
    expect(refusal.problems).toEqual([{ field: '(body)', message: refusal.message }]);
  });

  it('refuses text that is not XML at all, and an empty file', () => {
    expect(refusalOf('{"title": "not xml"}').code).toBe('MALFORMED_XML');
    const empty = refusalOf('  \n');
    expect(empty.code).toBe('MALFORMED_XML');
    expect(empty.message).toBe('The file is empty: send an IATI activity file');
  });

  it('refuses a DOCTYPE (no entity expansion)', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<iati-activities version="2.03"/>`;
    const refusal = refusalOf(xml);
    expect(refusal.code).toBe('MALFORMED_XML');
    expect(refusal.message).toContain('line 2');
  });

  it('refuses another version of the standard, naming iati-activities/@version', () => {
    const refusal = refusalOf(
      WOMEN_SME_GUARANTEE_FUND_XML.replace(
        '<iati-activities version="2.03"',
        '<iati-activities version="2.02"',
      ),
    );
    expect(refusal.code).toBe('IATI_VERSION_UNSUPPORTED');
    expect(refusal.problems).toEqual([
      {
        field: 'iati-activities/@version',
        message: 'is "2.02": only IATI 2.03 files are imported',
      },
    ]);
  });

  it('refuses a root without a version, naming iati-activities/@version', () => {
    const refusal = refusalOf('<iati-activities><iati-activity/></iati-activities>');
    expect(refusal.code).toBe('IATI_VERSION_UNSUPPORTED');
    expect(refusal.problems[0]?.field).toBe('iati-activities/@version');
  });

  it('refuses another root element, naming iati-activities', () => {
    const refusal = refusalOf('<iati-organisations version="2.03"/>');
    expect(refusal.code).toBe('IATI_ACTIVITY_INVALID');
    expect(refusal.message).toContain('<iati-organisations>');
    expect(refusal.problems[0]?.field).toBe('iati-activities');
  });

  it('refuses a file of several activities, or of none', () => {
    const activity = /<iati-activity [\s\S]*<\/iati-activity>/.exec(
      WOMEN_SME_GUARANTEE_FUND_XML,
    )![0];
    const two = WOMEN_SME_GUARANTEE_FUND_XML.replace(activity, `${activity}\n${activity}`);
    expect(refusalOf(two).problems).toEqual([
      {
        field: 'iati-activities/iati-activity',
        message: 'holds 2 activities: import one activity per file',
      },
    ]);
    expect(refusalOf('<iati-activities version="2.03"/>').problems[0]?.field).toBe(
      'iati-activities/iati-activity',
    );
  });

  it('refuses an activity without its identifier and title, naming both', () => {
    const xml = WOMEN_SME_GUARANTEE_FUND_XML.replace(
      /<iati-identifier>.*<\/iati-identifier>/,
      '<iati-identifier> </iati-identifier>',
    ).replace(/<title>\s*<narrative>Guarantee[\s\S]*?<\/title>/, '');
    const refusal = refusalOf(xml);
    expect(refusal.code).toBe('IATI_ACTIVITY_INVALID');
    expect(refusal.problems.map((p) => p.field)).toEqual([
      'iati-activities/iati-activity/iati-identifier',
      'iati-activities/iati-activity/title/narrative',
    ]);
  });
});
