// An axis's ticks: round values, so a chart's scale reads like its table.

/**
 * Round tick values covering [min, max] (1, 2 or 5 times a power of ten
 * apart), so an axis reads 0 %, 5 %, 10 % rather than 7.3 %, 9.1 %.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const range = max - min;
  if (!(range > 0) || !Number.isFinite(range)) return [min, max];
  const rough = range / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? max) < max)
    ticks.push(Number((first + ticks.length * step).toPrecision(12)));
  return ticks;
}
