// Sources as Groundwork holds them: canonical text, and each text selection carried from the
// writer's units to canonical UTF-16 offsets through exact maps (shared/domain/exchange-positions).
// A selection that cannot be carried (outside its text, inside a surrogate pair or a combined
// character, empty) is reported and skipped, as is every source without a text to hold.

import { checkPositions, type PositionCheck, type ScoredSource } from '../../../shared/domain/exchange-check';
import { exchangeIssue, type ExchangeIssue, type ExchangeIssueKind, type ExchangeSelection, type ExchangeSource } from '../../../shared/domain/exchange-model';
import { canonicalMap, mapSelection, POSITION_PROFILES, sayProblem, sayProfile, type PositionProfileId, unitMap } from '../../../shared/domain/exchange-positions';
import { MAX_SOURCE_CHARS } from '../../../shared/domain/limits';
import { joined, say, sayCount, type Message } from '../../../shared/domain/message';
import type { RawSource } from './parse-sources';
import { placeOf } from './xml';

export interface LoadedSource {
  source: RawSource;
  /** The plain text as the writer wrote it (BOM removed), or null. */
  writerText: string | null;
  from: string | null;
  /** Why a source that should have text has none. */
  reason: Message | null;
}

const selectionsOf = (n: number) => sayCount(n, '{n} selection', '{n} selections');
const codingsOf = (n: number) => sayCount(n, '{n} coding', '{n} codings');
const regionsOf = (n: number) => sayCount(n, '{n} region', '{n} regions');

/** What a media or other source is, as a message names it (PDF is a format's name in every language). */
const SOURCE_KINDS: Record<string, Message | string> = {
  picture: say('picture'),
  audio: say('audio'),
  video: say('video'),
  pdf: 'PDF',
  text: say('text'),
};

export function mapSources(
  label: string,
  loaded: LoadedSource[],
  profileId: PositionProfileId,
  issues: ExchangeIssue[],
): { sources: Omit<ExchangeSource, 'sha256'>[]; check: PositionCheck | null } {
  const skip = (place: Message, kind: ExchangeIssueKind, message: Message) => issues.push(exchangeIssue('skipped', kind, label, place, message));
  const prepared = loaded.map((l) => {
    if (l.writerText === null) return { ...l, canon: null };
    const canon = canonicalMap(l.writerText);
    if (!canon.text.trim()) return { ...l, canon: null, reason: say('its text is empty.') };
    if (canon.text.length > MAX_SOURCE_CHARS) {
      return { ...l, canon: null, reason: say('its text is longer than {max} characters (MAX_SOURCE_CHARS).', { max: MAX_SOURCE_CHARS }) };
    }
    return { ...l, canon };
  });
  const scored: ScoredSource[] = prepared.flatMap((p) =>
    p.canon && p.writerText !== null
      ? [{ writerText: p.writerText, canon: p.canon, selections: p.source.selections.flatMap((s) => (s.start !== null && s.end !== null ? [{ start: s.start, end: s.end }] : [])) }]
      : [],
  );
  const result = scored.some((s) => s.selections.length) ? checkPositions(scored, profileId) : null;
  if (result?.warningSaid) issues.push(exchangeIssue('warning', 'positions', label, say('positions'), result.warningSaid));

  const sources = prepared.map(({ source, writerText, canon, from, reason }) => {
    const where = placeOf(source.el);
    const selections: ExchangeSelection[] = [];
    const codings = source.selections.reduce((n, s) => n + s.codings.length, 0) + source.wholeCodings.length;
    if (!canon || writerText === null) {
      if (source.kind === 'text' || (source.kind === 'pdf' && source.text)) {
        skip(
          where,
          'missing-text',
          joined([
            say('{kind} source "{source}" is not imported: {reason}', { kind: SOURCE_KINDS[source.kind === 'pdf' ? 'pdf' : 'text']!, source: source.name, reason: reason ?? say('it has no text.') }),
            ...(source.selections.length ? [say('Its {selections} ({codings}) go with it.', { selections: selectionsOf(source.selections.length), codings: codingsOf(codings) })] : []),
            ...(source.otherSelections.length ? [say('So do its {regions}.', { regions: regionsOf(source.otherSelections.length) })] : []),
          ]),
        );
      } else if (source.kind === 'pdf') {
        skip(
          where,
          'pdf-without-text',
          source.otherSelections.length
            ? say('PDF source "{source}" has no text representation: not imported, nor its {regions}.', { source: source.name, regions: regionsOf(source.otherSelections.length) })
            : say('PDF source "{source}" has no text representation: not imported.', { source: source.name }),
        );
      } else {
        const kind = SOURCE_KINDS[source.kind] ?? source.kind;
        skip(
          where,
          'media-source',
          source.otherSelections.length || codings
            ? say('{kind} source "{source}" is not imported: Groundwork holds text sources ({selections}, {codings} left out).', {
                kind,
                source: source.name,
                selections: selectionsOf(source.otherSelections.length),
                codings: codingsOf(codings),
              })
            : say('{kind} source "{source}" is not imported: Groundwork holds text sources.', { kind, source: source.name }),
        );
      }
      return { guid: source.guid, name: source.name, kind: source.kind, text: null, textFrom: from, mediaPath: source.mediaPath, description: source.description, creatingUser: source.creatingUser, createdAt: source.createdAt, selections, variables: source.variables, noteGuids: source.noteGuids };
    }
    const units = unitMap(writerText, POSITION_PROFILES[profileId]);
    for (const sel of source.selections) {
      const at = placeOf(sel.el);
      if (sel.start === null || sel.end === null) {
        skip(at, 'bad-position', say('startPosition "{start}" or endPosition "{end}" is not a whole number: selection skipped.', { start: sel.el.attrs.startPosition ?? '', end: sel.el.attrs.endPosition ?? '' }));
        continue;
      }
      const m = mapSelection(units, canon, sel.start, sel.end);
      if ('problem' in m) {
        const what =
          m.which === 'order'
            ? say('endPosition {end} comes before startPosition {start}', { end: sel.end, start: sel.start })
            : say('{attribute} {position} {problem}', { attribute: `${m.which}Position`, position: m.which === 'start' ? sel.start : sel.end, problem: sayProblem(m.problem) });
        skip(at, 'bad-position', say('{what} (the text is {length} units long, counted as {unit}): selection skipped, never moved.', { what, length: units.length, unit: sayProfile(profileId) }));
        continue;
      }
      if (m.start === m.end) {
        skip(at, 'bad-position', say('the selection is empty (startPosition equals endPosition): skipped.'));
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
      skip(placeOf(region), 'pdf-region', say("{element} in \"{source}\" is not imported: it has no passage in the source's text.", { element: region.name, source: source.name }));
    }
    return { guid: source.guid, name: source.name, kind: source.kind, text: canon.text, textFrom: from, mediaPath: source.mediaPath, description: source.description, creatingUser: source.creatingUser, createdAt: source.createdAt, selections, variables: source.variables, noteGuids: source.noteGuids };
  });
  return { sources, check: result };
}
