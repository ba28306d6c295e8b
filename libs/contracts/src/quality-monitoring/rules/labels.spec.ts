import { THEMES } from '../../help-desk/reference-data';
import { REGIONS } from '../../shared/regions';
import {
  FINANCIAL_INSTRUMENTS,
  PRICING_POLICIES,
  RED_FLAGS,
  REVIEW_CRITERIA,
  TOOL_KINDS,
} from '../reference-data';
import {
  countryName,
  CRITERION_LABELS,
  formatPercent,
  INSTRUMENT_LABELS,
  labelOf,
  listInWords,
  PRICING_POLICY_LABELS,
  RED_FLAG_LABELS,
  REGION_LABELS,
  THEME_LABELS,
  TOOL_KIND_LABELS,
} from './labels';

describe('labels', () => {
  it('names every code of each list', () => {
    const pairs: Array<[readonly string[], Record<string, string>]> = [
      [FINANCIAL_INSTRUMENTS, INSTRUMENT_LABELS],
      [THEMES, THEME_LABELS],
      [REGIONS, REGION_LABELS],
      [REVIEW_CRITERIA, CRITERION_LABELS],
      [RED_FLAGS, RED_FLAG_LABELS],
      [PRICING_POLICIES, PRICING_POLICY_LABELS],
      [TOOL_KINDS, TOOL_KIND_LABELS],
    ];
    for (const [codes, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
    }
  });

  it('falls back to the code for a code without a label', () => {
    expect(labelOf(THEME_LABELS, 'child-labour')).toBe('child labour');
    expect(labelOf(THEME_LABELS, 'space-finance')).toBe('space-finance');
  });

  it('names countries in English', () => {
    expect(countryName('KE')).toBe('Kenya');
    expect(countryName('ci')).toBe('Côte d’Ivoire');
  });

  it('formats fractions as percentages and lists in words', () => {
    expect(formatPercent(0.142)).toBe('14.2 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.12345)).toBe('12.3 %');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
