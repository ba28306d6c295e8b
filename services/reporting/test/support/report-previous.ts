/** One figure of the served report, with the previous period's value. */
export interface FigureWithPrevious {
  metric: string;
  key: string | null;
  value: number | null;
  previous: number | null;
}

/**
 * A section's figures of the previous period by name (`metric`, or
 * `metric.key`), as the report serves them beside the period's, to compare
 * with the previous period's figures worked by hand (a key counted only in
 * the period shows 0 here).
 */
export function previousFiguresByName(
  figures: readonly FigureWithPrevious[],
): Record<string, number | null> {
  return Object.fromEntries(
    figures.map((f) => [f.key === null ? f.metric : `${f.metric}.${f.key}`, f.previous]),
  );
}

/**
 * Figures worked by hand for a section that also gave the previous period's
 * under previousPeriod… names (training's fixtures), split in two: the
 * period's, and the previous period's under their own names.
 */
export function besidePrevious(figures: Record<string, number | null>): {
  current: Record<string, number | null>;
  previous: Record<string, number | null>;
} {
  const prefix = /^previousPeriod(.)/;
  const entries = Object.entries(figures);
  return {
    current: Object.fromEntries(entries.filter(([name]) => !prefix.test(name))),
    previous: Object.fromEntries(
      entries
        .filter(([name]) => prefix.test(name))
        .map(([name, v]) => [name.replace(prefix, (_, c: string) => c.toLowerCase()), v]),
    ),
  };
}
