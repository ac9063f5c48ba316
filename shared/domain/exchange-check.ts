// Checking the position unit chosen for a file: coders select words, so under the right unit
// nearly every selection starts and ends on a word boundary, and under a wrong one (shifted by
// emoji or line ends) many do not. The share per candidate unit decides whether to warn.

import {
  canonicalMap,
  mapSelection,
  POSITION_PROFILES,
  sayProfile,
  type CanonicalMap,
  type PositionProfileId,
  unitMap,
} from './exchange-positions';
import { english, say, type Message } from './message';

export interface ProfileScore {
  profile: PositionProfileId;
  /** Selections whose start and end both fall on word boundaries. */
  onBoundaries: number;
  /** Selections scored (at most MAX_SCORED, spread evenly over the file). */
  scored: number;
  share: number;
}

export interface PositionCheck {
  chosen: PositionProfileId;
  scores: ProfileScore[];
  /** Null when the chosen unit looks right (or nothing can tell the units apart). */
  warning: string | null;
  warningSaid: Message | null;
  /** The candidate that scored clearly better than the chosen one, if any. */
  better: PositionProfileId | null;
}

export interface ScoredSource {
  /** The source's plain text as the writer wrote it (BOM removed). */
  writerText: string;
  canon?: CanonicalMap;
  selections: readonly { start: number; end: number }[];
}

const MAX_SCORED = 2000;
/** Below this share the chosen unit is called poor. */
export const POOR_SHARE = 0.8;
/** Another unit this much better is called clearly better. */
export const BETTER_BY = 0.15;
const WINDOW = 48;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Whether a word boundary falls at `offset` (judged on a window around it, for speed). */
export function onWordBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  let from = Math.max(0, offset - WINDOW);
  let to = Math.min(text.length, offset + WINDOW);
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from -= 1;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to += 1;
  for (const s of segmenter.segment(text.slice(from, to))) {
    const at = from + s.index;
    if (at === offset) return true;
    if (at > offset) return false;
  }
  return false;
}

/** Scores every candidate unit on the selections of a file and says whether to warn. */
export function checkPositions(sources: readonly ScoredSource[], chosen: PositionProfileId): PositionCheck {
  const all = sources.flatMap((s, si) => s.selections.map((sel) => ({ si, sel })));
  const step = Math.max(1, all.length / MAX_SCORED);
  const picked: typeof all = [];
  for (let k = 0; Math.floor(k) < all.length && picked.length < MAX_SCORED; k += step) picked.push(all[Math.floor(k)]!);
  const canons = sources.map((s) => (s.selections.length ? (s.canon ?? canonicalMap(s.writerText)) : undefined));
  const scores = (Object.keys(POSITION_PROFILES) as PositionProfileId[]).map((profile): ProfileScore => {
    const units = sources.map((s) => (s.selections.length ? unitMap(s.writerText, POSITION_PROFILES[profile]) : undefined));
    let onBoundaries = 0;
    for (const { si, sel } of picked) {
      const canon = canons[si]!;
      const mapped = mapSelection(units[si]!, canon, sel.start, sel.end);
      if ('problem' in mapped) continue;
      if (onWordBoundary(canon.text, mapped.start) && onWordBoundary(canon.text, mapped.end)) onBoundaries += 1;
    }
    return { profile, onBoundaries, scored: picked.length, share: picked.length ? onBoundaries / picked.length : 1 };
  });
  const mine = scores.find((s) => s.profile === chosen)!;
  const best = scores.reduce((a, b) => (b.share > a.share ? b : a), mine);
  const better = best.share - mine.share >= BETTER_BY ? best.profile : null;
  const pct = (x: number) => Math.round(x * 100);
  let warningSaid: Message | null = null;
  if (better) {
    warningSaid = say(
      'positions were read as {unit}, but only {percent} % of the selections then start and end on word boundaries; read as {better}, {betterPercent} % do. The coded passages may be shifted: check them, or import again with the other unit.',
      { unit: sayProfile(chosen), percent: pct(mine.share), better: sayProfile(better), betterPercent: pct(best.share) },
    );
  } else if (picked.length >= 5 && mine.share < POOR_SHARE) {
    warningSaid = say(
      'positions were read as {unit}, and only {percent} % of the selections then start and end on word boundaries (no other unit does better). The coded passages may not be whole words: check a few of them.',
      { unit: sayProfile(chosen), percent: pct(mine.share) },
    );
  }
  return { chosen, scores, warning: warningSaid && english(warningSaid), warningSaid, better };
}
