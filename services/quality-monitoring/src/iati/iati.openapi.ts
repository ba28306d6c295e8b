/** The request body's example in the OpenAPI document: a small IATI 2.03 activity the import accepts. */
export const IATI_ACTIVITY_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-02-16T10:30:00Z">
  <iati-activity xml:lang="en" default-currency="USD" hierarchy="1">
    <iati-identifier>XM-DAC-41302-RAF-26-02-LUX</iati-identifier>
    <reporting-org ref="XM-DAC-41302" type="40">
      <narrative>International Labour Organization</narrative>
    </reporting-org>
    <title>
      <narrative>Guarantee fund for women-led SMEs in Ghana and Côte d'Ivoire</narrative>
    </title>
    <description type="1">
      <narrative>A partial credit guarantee fund covers half of the principal of loans that partner banks make to women-led SMEs.</narrative>
    </description>
    <participating-org ref="XM-DAC-22" type="10" role="1">
      <narrative>Luxembourg Ministry of Foreign and European Affairs</narrative>
    </participating-org>
    <participating-org type="21" role="4">
      <narrative>Ghana Microfinance Institutions Network (GHAMFIN)</narrative>
    </participating-org>
    <activity-status code="1"/>
    <activity-date type="1" iso-date="2026-07-01"/>
    <activity-date type="3" iso-date="2029-06-30"/>
    <recipient-country code="GH" percentage="60"/>
    <recipient-country code="CI" percentage="40"/>
    <sector vocabulary="1" code="24030" percentage="100"/>
    <budget type="1" status="2">
      <period-start iso-date="2026-07-01"/>
      <period-end iso-date="2027-06-30"/>
      <value currency="USD" value-date="2026-07-01">1200000</value>
    </budget>
    <result type="2">
      <title>
        <narrative>Women-led SMEs obtain formal credit backed by the guarantee fund</narrative>
      </title>
      <indicator measure="2" ascending="1">
        <title>
          <narrative>Share of women-led SMEs among the partner lenders' SME borrowers</narrative>
        </title>
        <description>
          <narrative>Partner lenders' loan-book data, sex-disaggregated</narrative>
        </description>
        <baseline year="2025" iso-date="2025-12-31" value="18"/>
        <period>
          <period-start iso-date="2026-07-01"/>
          <period-end iso-date="2029-06-30"/>
          <target value="35"/>
        </period>
      </indicator>
    </result>
  </iati-activity>
</iati-activities>
`;

/** The largest activity file the import reads (an activity with many results is a few hundred kB). */
export const IATI_BODY_LIMIT = '2mb';

/** The media types of an activity file. */
export const IATI_XML_TYPES = ['application/xml', 'text/xml'];
