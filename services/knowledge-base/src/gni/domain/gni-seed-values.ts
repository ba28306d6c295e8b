import type { GniEntry } from './gni-reference.events';

/**
 * Seed of the GNI per capita table for the countries of the demo data: 2023
 * levels close to the World Bank Atlas figures, other years derived by a
 * common trend. Approximations, so that depth is computable out of the box;
 * load the official series (World Bank WDI, NY.GNP.PCAP.CD) with
 * POST /reference/gni-per-capita to replace them.
 */
export const GNI_SEED_SOURCE =
  'seed: approximation of World Bank Atlas GNI per capita (replace with official WDI NY.GNP.PCAP.CD)';

const LEVEL_2023_USD: Record<string, number> = {
  KE: 2010,
  UG: 930,
  TZ: 1200,
  GH: 2340,
  SN: 1680,
  NG: 1930,
  RW: 940,
  ET: 1020,
  PE: 7130,
  BO: 3600,
  CO: 6870,
  EC: 6280,
  GT: 5350,
  HN: 3050,
  JO: 4350,
  LB: 3450,
  PS: 4480,
  YE: 590,
  IQ: 5460,
  IN: 2540,
  BD: 2820,
  PK: 1580,
  NP: 1340,
  KH: 1880,
  PH: 4230,
  ID: 4870,
  VN: 4180,
  KG: 1690,
  TJ: 1330,
  GE: 5540,
  AM: 6160,
};

const TREND: Record<number, number> = {
  2018: 0.9,
  2019: 0.93,
  2020: 0.9,
  2021: 0.93,
  2022: 0.97,
  2023: 1,
  2024: 1.04,
  2025: 1.08,
  2026: 1.12,
};

export function gniSeedEntries(): GniEntry[] {
  return Object.entries(LEVEL_2023_USD).flatMap(([country, level]) =>
    Object.entries(TREND).map(([year, factor]) => ({
      country,
      year: Number(year),
      usd: Math.round((level * factor) / 10) * 10,
    })),
  );
}

export const GNI_SEED_COUNTRIES = Object.keys(LEVEL_2023_USD);
