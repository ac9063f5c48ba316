// The order the backend lists a source's marks in (start, end, id), kept when a mark is inserted
// into a held list: the list fetched again after a coding is then equal to the one drawn at once,
// and keeps its identity (nothing is drawn twice).

import type { SegmentMark } from '../../shared/domain/model';

const before = (a: SegmentMark, b: SegmentMark) => a.start - b.start || a.end - b.end || a.id - b.id;

export function insertMark(marks: SegmentMark[], mark: SegmentMark): SegmentMark[] {
  if (marks.some((m) => m.id === mark.id)) return marks;
  let at = marks.length;
  while (at > 0 && before(mark, marks[at - 1]!) < 0) at -= 1;
  return [...marks.slice(0, at), mark, ...marks.slice(at)];
}
