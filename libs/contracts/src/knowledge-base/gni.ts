/** The knowledge base's reference table of GNI per capita (which the depth ratios divide by). */

/** One country's GNI per capita in one year, in US dollars, and where it comes from. */
export interface GniRow {
  /** ISO 3166-1 alpha-2. */
  country: string;
  year: number;
  usd: number;
  source: string;
  recordedAt: string;
}
