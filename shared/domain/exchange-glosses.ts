// A category's or concept's item code and glosses (its label in Persian and in English), which
// REFI-QDA has no place for, carried in the code's Description as one marked last line
// ("Groundwork glosses: {json}"), so a Groundwork file comes back with them; other tools show the
// line as text. An import takes the line off the description before the rest becomes a memo.

export interface Glosses {
  code: string | null;
  labelFa: string | null;
  labelEn: string | null;
}

export const GLOSSES_MARK = 'Groundwork glosses: ';

/** The marked line for a code's glosses, or '' when it has none. */
export function glossesLine(g: Glosses): string {
  if (g.code === null && g.labelFa === null && g.labelEn === null) return '';
  return `${GLOSSES_MARK}${JSON.stringify({ code: g.code, labelFa: g.labelFa, labelEn: g.labelEn })}`;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** A description without its glosses line, and the glosses it held (null: none, or not readable). */
export function splitGlosses(description: string): { description: string; glosses: Glosses | null } {
  const at = description.lastIndexOf(GLOSSES_MARK);
  if (at < 0 || (at > 0 && description[at - 1] !== '\n')) return { description, glosses: null };
  const line = description.slice(at + GLOSSES_MARK.length).trim();
  if (line.includes('\n')) return { description, glosses: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { description, glosses: null };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { description, glosses: null };
  const o = parsed as Record<string, unknown>;
  // The line follows the memo after a blank line (a .qdc), or stands alone (a .qdpx).
  const before = description.slice(0, at);
  const memo = before.endsWith('\n\n') ? before.slice(0, -2) : before.endsWith('\n') ? before.slice(0, -1) : before;
  return { description: memo, glosses: { code: text(o.code), labelFa: text(o.labelFa), labelEn: text(o.labelEn) } };
}
