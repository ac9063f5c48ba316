// A project document (<Project>, the .qde) or a codebook (<CodeBook>, the .qdc) read into plain
// data, in the order references need: users, codes, variables and notes first, then the sources
// that point at them, then cases, sets, links and graphs. Repeated GUIDs and references to unknown
// ones are reported here (parse-context.ts); texts and positions are dealt with in read.ts.

import type {
  ExchangeCase,
  ExchangeCode,
  ExchangeCounts,
  ExchangeGraph,
  ExchangeLink,
  ExchangeNoteTarget,
  ExchangeSet,
  ExchangeUser,
  ExchangeVariable,
  VariableType,
} from '../../../shared/domain/exchange-model';
import { guidKey } from '../../../shared/domain/exchange-model';
import { derivedGuid } from '../../../shared/domain/exchange-codebook';
import { KIND_NAMES, normaliseColor, optionalAttr, textAttr, type ParseContext } from './parse-context';
import { say } from '../../../shared/domain/message';
import { noteRefs, readSources, readVariableValues, type RawSource, type RawTextHolder } from './parse-sources';
import { childrenNamed, firstChild, type XmlElement } from './xml';

export interface RawNote {
  el: XmlElement;
  guid: string;
  name: string;
  description: string;
  text: RawTextHolder;
  creatingUser: string | null;
  createdAt: string | null;
}

export interface RawProject {
  name: string;
  origin: string | null;
  basePath: string | null;
  description: string;
  users: ExchangeUser[];
  codes: ExchangeCode[];
  variables: ExchangeVariable[];
  cases: ExchangeCase[];
  sources: RawSource[];
  notes: RawNote[];
  sets: ExchangeSet[];
  links: ExchangeLink[];
  graphs: ExchangeGraph[];
  /** Keyed by guidKey of the note. */
  noteTargets: Map<string, ExchangeNoteTarget[]>;
  inFile: ExchangeCounts;
}

const VARIABLE_TYPES: VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

const NO_GUID = '00000000-0000-4000-8000-000000000000';

/** A code's GUID; a code without one, or repeating one, keeps its place (and its children) under a new GUID. */
function codeGuid(ctx: ParseContext, el: XmlElement): string {
  const written = el.attrs.guid?.trim();
  if (written && !ctx.has('code', written)) {
    ctx.know('code', written, el);
    return written;
  }
  const fresh = derivedGuid(NO_GUID, `code:${el.line}:${el.attrs.name ?? ''}:${written ?? ''}`);
  ctx.know('code', fresh, el);
  const first = written ? ctx.first('code', written) : undefined;
  if (written) ctx.warn(el, 'duplicate-guid', say('duplicate GUID: {first} on line {line} has the same one; this code is kept under a new GUID ({fresh}), and codings naming {guid} go to the first.', { first: first?.name ?? 'Code', line: first?.line ?? '?', fresh, guid: written }));
  else ctx.warn(el, 'missing-guid', say('this code has no guid attribute: it is kept under a new GUID ({fresh}).', { fresh }));
  return fresh;
}

function readCodes(ctx: ParseContext, parent: XmlElement | undefined): ExchangeCode[] {
  const out: ExchangeCode[] = [];
  for (const el of childrenNamed(parent, 'Code')) {
    const guid = codeGuid(ctx, el);
    const color = normaliseColor(el.attrs.color);
    if (el.attrs.color && !color) ctx.warn(el, 'bad-value', say('colour "{value}" is not #rgb or #rrggbb: the code is imported without it.', { value: el.attrs.color }));
    const name = textAttr(el, 'name').trim();
    if (!name) ctx.warn(el, 'bad-value', say('this code has no name: it is imported as "(unnamed code)".'));
    out.push({
      guid,
      name: name || '(unnamed code)',
      color,
      description: firstChild(el, 'Description')?.text ?? '',
      isCodable: !/^\s*(false|0)\s*$/.test(el.attrs.isCodable ?? 'true'),
      children: readCodes(ctx, el),
      noteGuids: noteRefs(el),
    });
  }
  return out;
}

function readSets(ctx: ParseContext, sets: XmlElement | undefined, codebook: boolean): ExchangeSet[] {
  const out: ExchangeSet[] = [];
  for (const el of childrenNamed(sets, 'Set')) {
    if (!ctx.claim('set', el, 'set')) continue;
    const members = (name: string, kind: 'code' | 'source' | 'note', attr: string) =>
      childrenNamed(el, name).flatMap((m) => {
        const guid = m.attrs[attr]?.trim();
        if (guid && ctx.has(kind, guid)) return [guid];
        ctx.warn(m, 'unknown-reference', guid ? say('{element} names {kind} {guid}, which is not in the file: left out of set "{set}".', { element: name, kind: KIND_NAMES[kind], guid, set: el.attrs.name ?? '' }) : say('{element} has no {attribute}: ignored.', { element: name, attribute: attr }));
        return [];
      });
    out.push({
      guid: el.attrs.guid!.trim(),
      name: textAttr(el, 'name'),
      description: firstChild(el, 'Description')?.text ?? '',
      // In a codebook a MemberCode says guid="…"; in a project targetGUID="…".
      codeGuids: members('MemberCode', 'code', codebook ? 'guid' : 'targetGUID'),
      sourceGuids: codebook ? [] : members('MemberSource', 'source', 'targetGUID'),
      noteGuids: codebook ? [] : members('MemberNote', 'note', 'targetGUID'),
    });
  }
  return out;
}

function readCases(ctx: ParseContext, cases: XmlElement | undefined): ExchangeCase[] {
  const out: ExchangeCase[] = [];
  for (const el of childrenNamed(cases, 'Case')) {
    if (!ctx.claim('case', el, 'case')) continue;
    const refs = (name: string, kind: 'code' | 'source' | 'selection') =>
      childrenNamed(el, name).flatMap((r) => {
        const guid = r.attrs.targetGUID?.trim();
        if (guid && ctx.has(kind, guid)) return [guid];
        ctx.warn(r, 'unknown-reference', guid ? say('{element} names {kind} {guid}, which is not in the file: ignored.', { element: name, kind: KIND_NAMES[kind], guid }) : say('{element} names no {kind}: ignored.', { element: name, kind: KIND_NAMES[kind] }));
        return [];
      });
    out.push({
      guid: el.attrs.guid!.trim(),
      name: textAttr(el, 'name'),
      description: firstChild(el, 'Description')?.text ?? '',
      codeGuids: refs('CodeRef', 'code'),
      sourceGuids: refs('SourceRef', 'source'),
      selectionGuids: refs('SelectionRef', 'selection'),
      variables: readVariableValues(ctx, el),
    });
  }
  return out;
}

const SOURCE_ELEMENTS = new Set(['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource']);
const SELECTION_ELEMENTS = new Set(['PlainTextSelection', 'PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection']);

/** Every NoteRef (and note-to-something Link) as a target of its note. */
function collectNoteTargets(ctx: ParseContext, root: XmlElement, links: ExchangeLink[]): Map<string, ExchangeNoteTarget[]> {
  const targets = new Map<string, ExchangeNoteTarget[]>();
  const add = (note: string, target: ExchangeNoteTarget) => {
    const list = targets.get(guidKey(note)) ?? [];
    const same = list.some((t) => t.kind === target.kind && ('guid' in t ? 'guid' in target && guidKey(t.guid) === guidKey(target.guid) : true));
    if (!same) list.push(target);
    targets.set(guidKey(note), list);
  };
  const walk = (el: XmlElement, source: XmlElement | null) => {
    const inSource = SOURCE_ELEMENTS.has(el.name) ? el : source;
    for (const ref of childrenNamed(el, 'NoteRef')) {
      const note = ref.attrs.targetGUID?.trim();
      if (!note || !ctx.has('note', note)) {
        ctx.warn(ref, 'unknown-reference', note ? say('NoteRef names note {guid}, which is not in <Notes>: ignored.', { guid: note }) : say('NoteRef names no note: ignored.'));
        continue;
      }
      const guid = el.attrs.guid?.trim() ?? '';
      if (el.name === 'Project') add(note, { kind: 'project' });
      else if (el.name === 'Code') add(note, { kind: 'code', guid });
      else if (SOURCE_ELEMENTS.has(el.name)) add(note, { kind: 'source', guid });
      else if (SELECTION_ELEMENTS.has(el.name)) add(note, { kind: 'selection', guid });
      else if (el.name === 'Coding') add(note, { kind: 'coding', guid });
      else if (el.name === 'Link') add(note, { kind: 'link', guid });
      else if ((el.name === 'Representation' || el.name === 'Transcript') && inSource) add(note, { kind: 'source', guid: inSource.attrs.guid ?? '' });
    }
    for (const child of el.children) walk(child, inSource);
  };
  walk(root, null);
  // ATLAS.ti writes a memo about a quotation as a Link from the note to the quotation.
  for (const link of links) {
    for (const [note, other] of [
      [link.originGuid, link.targetGuid],
      [link.targetGuid, link.originGuid],
    ] as const) {
      if (!note || !other || !ctx.has('note', note)) continue;
      const kind = ctx.kindOf(other);
      if (kind === 'code' || kind === 'source' || kind === 'selection' || kind === 'coding') add(note, { kind, guid: other });
    }
  }
  return targets;
}

function countElements(root: XmlElement): ExchangeCounts {
  const counts: ExchangeCounts = {
    users: 0,
    codes: 0,
    sources: { text: 0, pdf: 0, picture: 0, audio: 0, video: 0 },
    textSelections: 0,
    otherSelections: 0,
    codings: 0,
    notes: 0,
    variables: 0,
    cases: 0,
    sets: 0,
    links: 0,
    graphs: 0,
  };
  const kinds: Record<string, keyof ExchangeCounts['sources']> = { TextSource: 'text', PDFSource: 'pdf', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' };
  const walk = (el: XmlElement, inSources: boolean) => {
    const here = inSources || el.name === 'Sources';
    if (el.name === 'User') counts.users += 1;
    else if (el.name === 'Code') counts.codes += 1;
    else if (el.name === 'Note') counts.notes += 1;
    else if (el.name === 'Variable') counts.variables += 1;
    else if (el.name === 'Case') counts.cases += 1;
    else if (el.name === 'Set') counts.sets += 1;
    else if (el.name === 'Link') counts.links += 1;
    else if (el.name === 'Graph') counts.graphs += 1;
    else if (here && kinds[el.name]) counts.sources[kinds[el.name]!] += 1;
    else if (here && el.name === 'PlainTextSelection') counts.textSelections += 1;
    else if (here && SELECTION_ELEMENTS.has(el.name)) counts.otherSelections += 1;
    else if (here && el.name === 'Coding') counts.codings += 1;
    for (const child of el.children) walk(child, here);
  };
  walk(root, false);
  return counts;
}

export function parseDocument(ctx: ParseContext, root: XmlElement): RawProject {
  const codebook = root.name === 'CodeBook';
  const users: ExchangeUser[] = [];
  for (const el of childrenNamed(firstChild(root, 'Users'), 'User')) {
    if (ctx.claim('user', el, 'user')) users.push({ guid: el.attrs.guid!.trim(), name: textAttr(el, 'name') || textAttr(el, 'id') });
  }
  const codes = readCodes(ctx, codebook ? firstChild(root, 'Codes') : firstChild(firstChild(root, 'CodeBook'), 'Codes'));
  const variables: ExchangeVariable[] = [];
  for (const el of childrenNamed(firstChild(root, 'Variables'), 'Variable')) {
    if (!ctx.claim('variable', el, 'variable')) continue;
    const type = VARIABLE_TYPES.find((t) => t === el.attrs.typeOfVariable) ?? 'Text';
    if (type !== el.attrs.typeOfVariable) ctx.warn(el, 'bad-value', say('typeOfVariable "{value}" is not one the standard knows: read as Text.', { value: el.attrs.typeOfVariable ?? '' }));
    variables.push({ guid: el.attrs.guid!.trim(), name: textAttr(el, 'name'), type, description: firstChild(el, 'Description')?.text ?? '' });
  }
  const notes: RawNote[] = [];
  for (const el of childrenNamed(firstChild(root, 'Notes'), 'Note')) {
    if (!ctx.claim('note', el, 'note')) continue;
    const content = firstChild(el, 'PlainTextContent');
    notes.push({
      el,
      guid: el.attrs.guid!.trim(),
      name: textAttr(el, 'name'),
      description: firstChild(el, 'Description')?.text ?? '',
      text: { el, plainTextPath: optionalAttr(el, 'plainTextPath'), plainTextContent: content ? content.text : null },
      creatingUser: ctx.user(el),
      createdAt: optionalAttr(el, 'creationDateTime'),
    });
  }
  const sources = readSources(ctx, firstChild(root, 'Sources'));
  const cases = readCases(ctx, firstChild(root, 'Cases'));
  const sets = readSets(ctx, firstChild(root, 'Sets'), codebook);
  const links: ExchangeLink[] = childrenNamed(firstChild(root, 'Links'), 'Link').map((el) => ({
    guid: textAttr(el, 'guid'),
    name: textAttr(el, 'name'),
    direction: optionalAttr(el, 'direction'),
    originGuid: optionalAttr(el, 'originGUID'),
    targetGuid: optionalAttr(el, 'targetGUID'),
  }));
  const graphs: ExchangeGraph[] = childrenNamed(firstChild(root, 'Graphs'), 'Graph').map((el) => ({
    guid: textAttr(el, 'guid'),
    name: textAttr(el, 'name'),
    vertices: childrenNamed(el, 'Vertex').length,
    edges: childrenNamed(el, 'Edge').length,
  }));
  const noteTargets = codebook ? new Map() : collectNoteTargets(ctx, root, links);
  ctx.finish();
  return {
    name: textAttr(root, 'name'),
    origin: optionalAttr(root, 'origin'),
    basePath: optionalAttr(root, 'basePath'),
    description: firstChild(root, 'Description')?.text ?? '',
    users,
    codes,
    variables,
    cases,
    sources,
    notes,
    sets,
    links,
    graphs,
    noteTargets,
    inFile: countElements(root),
  };
}
