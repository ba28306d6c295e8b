import {
  PERFORMANCE_INPUT_FIELDS,
  type AdjustmentField,
  type OpeningClosingField,
  type SingleValueField,
} from '@sfp/contracts';
import type { OpeningClosing, PerformanceInputs, SubsidyAdjustments } from './performance-inputs';

/** True only when A and B are the same set of names. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type FieldsOf<T> = { [K in keyof T]: T[K] extends OpeningClosing ? 'pair' : 'one' };
type Pairs = {
  [K in keyof FieldsOf<PerformanceInputs>]-?: FieldsOf<PerformanceInputs>[K] extends 'pair'
    ? K
    : never;
}[keyof PerformanceInputs];

/** The contracts' lists (which the console's form is built from) name the fields of PerformanceInputs exactly. */
describe('performance input fields', () => {
  it('are, in the contracts, exactly the fields of PerformanceInputs (checked when compiled)', () => {
    const pairs: Same<OpeningClosingField, Pairs> = true;
    const single: Same<
      SingleValueField,
      Exclude<keyof PerformanceInputs, Pairs | 'adjustments'>
    > = true;
    const adjustments: Same<AdjustmentField, keyof SubsidyAdjustments> = true;
    expect([pairs, single, adjustments]).toEqual([true, true, true]);
  });

  it('name each field once', () => {
    expect(new Set(PERFORMANCE_INPUT_FIELDS).size).toBe(PERFORMANCE_INPUT_FIELDS.length);
  });
});
