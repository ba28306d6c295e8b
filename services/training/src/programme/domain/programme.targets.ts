import type { ProgrammeTarget } from '@sfp/contracts';

/** The key that makes a target unique within its programme: indicator, sex, constituent group. */
export const targetKey = (t: Pick<ProgrammeTarget, 'indicator' | 'sex' | 'constituentGroup'>) =>
  [t.indicator, t.sex ?? 'any-sex', t.constituentGroup ?? 'any-group'].join('/');
