// Sources as Groundwork holds them: canonical text, and each text selection carried from the
// writer's units to canonical UTF-16 offsets through exact maps (shared/domain/exchange-positions).
// A selection that cannot be carried (outside its text, inside a surrogate pair or a combined
// character, empty) is reported and skipped, as is every source without a text to hold.

import { checkPositions, type PositionCheck, type ScoredSource } from '../../../shared/domain/exchange-check';
import type { ExchangeIssue, ExchangeIssueKind, ExchangeSelection, ExchangeSource } from '../../../shared/domain/exchange-model';
import {
  canonicalMap,
  describeProblem,
  describeProfile,
  mapSelection,
  POSITION_PROFILES,
  type PositionProfileId,
  unitMap,
} from '../../../shared/domain/exchange-positions';
import { formatCount, MAX_SOURCE_CHARS } from '../../../shared/domain/limits';
import type { RawSource } from './parse-sources';
import { placeOf } from './xml';

export interface LoadedSource {
  source: RawSource;
  /** The plain text as the writer wrote it (BOM removed), or null. */
  writerText: string | null;
  from: string | null;
  /** Why a source that should have text has none. */
  reason: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function mapSources(
  label: string,
  loaded: LoadedSource[],
  profileId: PositionProfileId,
  issues: ExchangeIssue[],
): { sources: Omit<ExchangeSource, 'sha256'>[]; check: PositionCheck | null } {
  const skip = (place: string, kind: ExchangeIssueKind, message: string) => issues.push({ severity: 'skipped', kind, file: label, place, message });
  const prepared = loaded.map((l) => {
    if (l.writerText === null) return { ...l, canon: null };
    const canon = canonicalMap(l.writerText);
    if (!canon.text.trim()) return { ...l, canon: null, reason: 'its text is empty.' };
    if (canon.text.length > MAX_SOURCE_CHARS) {
      return { ...l, canon: null, reason: `its text is longer than ${formatCount(MAX_SOURCE_CHARS)} characters (MAX_SOURCE_CHARS).` };
    }
    return { ...l, canon };
  });
  const scored: ScoredSource[] = prepared.flatMap((p) =>
    p.canon && p.writerText !== null
      ? [{ writerText: p.writerText, canon: p.canon, selections: p.source.selections.flatMap((s) => (s.start !== null && s.end !== null ? [{ start: s.start, end: s.end }] : [])) }]
      : [],
  );
  const result = scored.some((s) => s.selections.length) ? checkPositions(scored, profileId) : null;
  if (result?.warning) issues.push({ severity: 'warning', kind: 'positions', file: label, place: 'positions', message: result.warning });

  const sources = prepared.map(({ source, writerText, canon, from, reason }) => {
    const where = placeOf(source.el);
    const selections: ExchangeSelection[] = [];
    const codings = source.selections.reduce((n, s) => n + s.codings.length, 0) + source.wholeCodings.length;
    if (!canon || writerText === null) {
      if (source.kind === 'text' || (source.kind === 'pdf' && source.text)) {
        skip(where, 'missing-text', `${source.kind === 'pdf' ? 'PDF' : 'text'} source "${source.name}" is not imported: ${reason ?? 'it has no text.'}` +
          (source.selections.length ? ` Its ${plural(source.selections.length, 'selection')} (${plural(codings, 'coding')}) go with it.` : '') +
          (source.otherSelections.length ? ` So do its ${plural(source.otherSelections.length, 'region')}.` : ''));
      } else if (source.kind === 'pdf') {
        skip(where, 'pdf-without-text', `PDF source "${source.name}" has no text representation: not imported` +
          (source.otherSelections.length ? `, nor its ${plural(source.otherSelections.length, 'region')}.` : '.'));
      } else {
        skip(where, 'media-source', `${source.kind} source "${source.name}" is not imported: Groundwork holds text sources` +
          (source.otherSelections.length || codings ? ` (${plural(source.otherSelections.length, 'selection')}, ${plural(codings, 'coding')} left out).` : '.'));
      }
      return { guid: source.guid, name: source.name, kind: source.kind, text: null, textFrom: from, mediaPath: source.mediaPath, description: source.description, creatingUser: source.creatingUser, createdAt: source.createdAt, selections, variables: source.variables, noteGuids: source.noteGuids };
    }
    const units = unitMap(writerText, POSITION_PROFILES[profileId]);
    for (const sel of source.selections) {
      const at = placeOf(sel.el);
      if (sel.start === null || sel.end === null) {
        skip(at, 'bad-position', `startPosition "${sel.el.attrs.startPosition ?? ''}" or endPosition "${sel.el.attrs.endPosition ?? ''}" is not a whole number: selection skipped.`);
        continue;
      }
      const m = mapSelection(units, canon, sel.start, sel.end);
      if ('problem' in m) {
        const what = m.which === 'order' ? `endPosition ${sel.end} comes before startPosition ${sel.start}` : `${m.which}Position ${m.which === 'start' ? sel.start : sel.end} ${describeProblem(m.problem)}`;
        skip(at, 'bad-position', `${what} (the text is ${units.length} units long, counted as ${describeProfile(profileId)}): selection skipped, never moved.`);
        continue;
      }
      if (m.start === m.end) {
        skip(at, 'bad-position', 'the selection is empty (startPosition equals endPosition): skipped.');
        continue;
      }
      selections.push({
        guid: sel.guid,
        name: sel.name,
        start: m.start,
        end: m.end,
        text: canon.text.slice(m.start, m.end),
        description: sel.description,
        codings: sel.codings,
        creatingUser: sel.creatingUser,
        createdAt: sel.createdAt,
        noteGuids: sel.noteGuids,
        written: { start: sel.start, end: sel.end },
      });
    }
    for (const coding of source.wholeCodings) {
      selections.push({
        guid: coding.guid || source.guid,
        name: '',
        start: 0,
        end: canon.text.length,
        text: canon.text,
        description: '',
        codings: [coding],
        creatingUser: coding.creatingUser,
        createdAt: coding.createdAt,
        noteGuids: [],
        written: { start: 0, end: units.length },
        wholeSource: true,
      });
    }
    const textGuids = new Set(source.selections.map((s) => s.guid.toLowerCase()));
    for (const region of source.otherSelections) {
      if (region.attrs.guid && textGuids.has(region.attrs.guid.trim().toLowerCase())) continue;
      skip(placeOf(region), 'pdf-region', `${region.name} in "${source.name}" is not imported: it has no passage in the source's text.`);
    }
    return { guid: source.guid, name: source.name, kind: source.kind, text: canon.text, textFrom: from, mediaPath: source.mediaPath, description: source.description, creatingUser: source.creatingUser, createdAt: source.createdAt, selections, variables: source.variables, noteGuids: source.noteGuids };
  });
  return { sources, check: result };
}
