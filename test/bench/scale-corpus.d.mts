// Types of scale-corpus.mjs for the TypeScript half of the scale benchmark (test/bench/scale/).
export const SCALE_SOURCES: number;
export const SCALE_BYTES: number;
export function generateScaleCorpus(
  examplesDir: string,
  options?: { count?: number; bytes?: number; seed?: number },
): { files: { name: string; text: string }[]; bytes: number };
export function prng(seed: number): () => number;
export function randInt(rng: () => number, min: number, max: number): number;
