// Summaries of timing samples.

export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** median, p95, worst (max), best (min), mean and count of a list of milliseconds. */
export function summarize(samples) {
  if (samples.length === 0) return { n: 0 };
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    n: samples.length,
    median: round(quantile(samples, 0.5), 2),
    p95: round(quantile(samples, 0.95), 2),
    worst: round(Math.max(...samples), 2),
    best: round(Math.min(...samples), 2),
    mean: round(mean, 2),
  };
}

/** Runs `fn` `runs` times in a row and summarizes the `ms` each returns. */
export async function repeat(runs, fn) {
  const samples = [];
  let last;
  for (let i = 0; i < runs; i += 1) {
    last = await fn(i);
    samples.push(last.ms);
  }
  return { ...summarize(samples), last };
}
