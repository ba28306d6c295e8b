import { loadConfig } from '@sfp/service-kit';
import { IatiReportingOrgSettings, reportingOrgOf } from './iati.settings';

describe('the IATI reporting organisation from the settings', () => {
  it('is the ILO by default, unset or blank', () => {
    const ilo = { ref: 'XM-DAC-41302', name: 'International Labour Organization', type: '40' };
    expect(reportingOrgOf(loadConfig(IatiReportingOrgSettings, {}))).toEqual(ilo);
    const blank = loadConfig(IatiReportingOrgSettings, {
      QUALITY_IATI_REPORTING_ORG_REF: '',
      QUALITY_IATI_REPORTING_ORG_NAME: ' ',
      QUALITY_IATI_REPORTING_ORG_TYPE: '',
    });
    expect(reportingOrgOf(blank)).toEqual(ilo);
  });

  it('is the one the variables name', () => {
    const settings = loadConfig(IatiReportingOrgSettings, {
      QUALITY_IATI_REPORTING_ORG_REF: 'XM-DAC-41302-SFP',
      QUALITY_IATI_REPORTING_ORG_NAME: 'ILO Social Finance Programme',
      QUALITY_IATI_REPORTING_ORG_TYPE: '40',
    });
    expect(reportingOrgOf(settings)).toEqual({
      ref: 'XM-DAC-41302-SFP',
      name: 'ILO Social Finance Programme',
      type: '40',
    });
  });

  it('stops the start on a ref with spaces or a type that is not a code', () => {
    expect(() =>
      loadConfig(IatiReportingOrgSettings, {
        QUALITY_IATI_REPORTING_ORG_REF: 'XM DAC',
        QUALITY_IATI_REPORTING_ORG_TYPE: 'multilateral',
      }),
    ).toThrow(
      /QUALITY_IATI_REPORTING_ORG_REF: invalid[\s\S]*QUALITY_IATI_REPORTING_ORG_TYPE: invalid/,
    );
  });
});
