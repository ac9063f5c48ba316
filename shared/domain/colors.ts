// Colours for concepts and categories: a palette that stays readable as a translucent
// highlight behind Persian, Arabic and Latin text, and a check for user-chosen values.

export const PALETTE = [
  '#e6194b', '#3cb44b', '#ffb000', '#4363d8', '#f58231', '#911eb4', '#1fb3b3', '#d4389f',
  '#7fa60f', '#c28e8e', '#008080', '#9a6324', '#800000', '#5c7a29', '#000075', '#6d6d6d',
] as const;

export const HEX_COLOR = /^#[0-9a-f]{6}$/;

/** The palette colour after `used` colours have been given out: concepts cycle through it. */
export const paletteColor = (used: number): string => PALETTE[used % PALETTE.length]!;

/** `#rrggbb` plus an alpha in [0, 1] as a CSS rgba() value. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
