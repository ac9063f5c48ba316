// What the parsers of one exchange document share: the issues found so far, the GUIDs seen per kind
// (a repeated GUID skips the later element; a reference to an unknown GUID skips or drops that
// reference), and small readers of attributes. Every issue names the file and the element's line.

import { exchangeIssue, guidKey, type ExchangeIssue, type ExchangeIssueKind } from '../../../shared/domain/exchange-model';
import { say, type Message } from '../../../shared/domain/message';
import { placeOf, type XmlElement } from './xml';

export type GuidKind = 'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'variable' | 'case' | 'set';

export type ParseContext = ReturnType<typeof parseContext>;

/** What each kind of element is called in a message. */
export const KIND_NAMES: Record<GuidKind, Message> = {
  user: say('user'),
  code: say('code'),
  source: say('source'),
  selection: say('selection'),
  coding: say('coding'),
  note: say('note'),
  variable: say('variable'),
  case: say('case'),
  set: say('set'),
};

export function parseContext(file: string) {
  const issues: ExchangeIssue[] = [];
  const seen = new Map<GuidKind, Map<string, XmlElement>>();
  const unknownUsers = new Map<string, { guid: string; count: number; first: XmlElement }>();
  const push = (severity: ExchangeIssue['severity'], el: XmlElement | Message, kind: ExchangeIssueKind, message: Message) =>
    issues.push(exchangeIssue(severity, kind, file, 'name' in el ? placeOf(el) : el, message));
  const table = (kind: GuidKind) => {
    let map = seen.get(kind);
    if (!map) seen.set(kind, (map = new Map()));
    return map;
  };
  const has = (kind: GuidKind, guid: string | null | undefined) => !!guid && !!seen.get(kind)?.has(guidKey(guid));

  return {
    file,
    issues,
    warn: (el: XmlElement | Message, kind: ExchangeIssueKind, message: Message) => push('warning', el, kind, message),
    skip: (el: XmlElement | Message, kind: ExchangeIssueKind, message: Message) => push('skipped', el, kind, message),

    /**
     * Registers an element's GUID under its kind. False (and the element is reported as skipped)
     * when it has none or when an earlier element of the same kind has it.
     */
    claim(kind: GuidKind, el: XmlElement, _what?: string): boolean {
      const what = KIND_NAMES[kind];
      const guid = el.attrs.guid?.trim();
      if (!guid) {
        push('skipped', el, 'missing-guid', say('this {element} has no guid attribute: skipped.', { element: what }));
        return false;
      }
      const first = table(kind).get(guidKey(guid));
      if (first) {
        push('skipped', el, 'duplicate-guid', say('duplicate GUID: {first} on line {line} has the same one; this {element} is skipped.', { first: first.name, line: first.line, element: what }));
        return false;
      }
      table(kind).set(guidKey(guid), el);
      return true;
    },

    /** Registers without refusing duplicates (for GUIDs that only need to be known). */
    know(kind: GuidKind, guid: string, el: XmlElement) {
      if (!table(kind).has(guidKey(guid))) table(kind).set(guidKey(guid), el);
    },

    has,

    /** The element that first claimed a GUID of a kind. */
    first: (kind: GuidKind, guid: string) => seen.get(kind)?.get(guidKey(guid)),

    /** The kind a GUID was registered under, if any. */
    kindOf(guid: string): GuidKind | null {
      for (const kind of ['code', 'source', 'selection', 'coding', 'note', 'case', 'set', 'user', 'variable'] as const) if (has(kind, guid)) return kind;
      return null;
    },

    /** A creatingUser attribute: kept if the user is listed, else dropped and counted for one warning. */
    user(el: XmlElement, attr = 'creatingUser'): string | null {
      const guid = el.attrs[attr]?.trim();
      if (!guid) return null;
      if (has('user', guid)) return guid;
      const known = unknownUsers.get(guidKey(guid));
      if (known) known.count += 1;
      else unknownUsers.set(guidKey(guid), { guid, count: 1, first: el });
      return null;
    },

    /** Reports the unknown users once each, with how many places named them. */
    finish() {
      for (const { guid, count, first } of unknownUsers.values()) {
        push('warning', first, 'unknown-reference', say('{attribute} names user {guid}, who is not in <Users>: imported without a coder.', { attribute: attrLabel(count), guid }));
      }
    },
  };
}

const attrLabel = (count: number): Message | string =>
  count === 1 ? 'creatingUser' : count === 2 ? say('creatingUser (here and in 1 more place)') : say('creatingUser (here and in {n} more places)', { n: count - 1 });

/** xsd:integer, else null. */
export function integerAttr(el: XmlElement, name: string): number | null {
  const raw = el.attrs[name];
  if (raw === undefined || !/^\s*[+-]?\d+\s*$/.test(raw)) return null;
  const n = Number(raw.trim());
  return Number.isSafeInteger(n) ? n : null;
}

export const textAttr = (el: XmlElement, name: string) => el.attrs[name] ?? '';
export const optionalAttr = (el: XmlElement, name: string) => {
  const v = el.attrs[name];
  return v === undefined || v === '' ? null : v;
};

/** `#rgb` or `#rrggbb` as lower-case `#rrggbb`; anything else is null. */
export function normaliseColor(raw: string | undefined): string | null {
  const v = raw?.trim();
  if (!v) return null;
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return null;
}
