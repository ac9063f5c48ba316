// The <Sources> of a project document, read as written: each source with where its text is, its
// text selections with positions still in the writer's units, its codings checked against the
// code book, and the selections Groundwork cannot hold (picture regions, PDF regions, audio and
// video ranges), kept only to be counted and reported.

import type { ExchangeCoding, ExchangeSourceKind, ExchangeVariableValue } from '../../../shared/domain/exchange-model';
import { integerAttr, optionalAttr, textAttr, type ParseContext } from './parse-context';
import { say } from '../../../shared/domain/message';
import { childrenNamed, firstChild, type XmlElement } from './xml';

export interface RawTextHolder {
  el: XmlElement;
  plainTextPath: string | null;
  plainTextContent: string | null;
}

export interface RawTextSelection {
  el: XmlElement;
  guid: string;
  name: string;
  /** In the writer's units; null when not a whole number (reported when mapped). */
  start: number | null;
  end: number | null;
  description: string;
  codings: ExchangeCoding[];
  creatingUser: string | null;
  createdAt: string | null;
  noteGuids: string[];
}

export interface RawSource {
  el: XmlElement;
  guid: string;
  name: string;
  kind: ExchangeSourceKind;
  /** The text source itself, or a PDF's Representation; null for pictures, audio and video. */
  text: RawTextHolder | null;
  mediaPath: string | null;
  description: string;
  creatingUser: string | null;
  createdAt: string | null;
  selections: RawTextSelection[];
  /** Codings placed on the source itself: the whole text is the passage. */
  wholeCodings: ExchangeCoding[];
  /** Regions and ranges that are not text: reported, not imported. */
  otherSelections: XmlElement[];
  variables: ExchangeVariableValue[];
  noteGuids: string[];
}

const SOURCE_KINDS: Record<string, ExchangeSourceKind> = {
  TextSource: 'text',
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};

export const noteRefs = (el: XmlElement) => childrenNamed(el, 'NoteRef').map((n) => n.attrs.targetGUID ?? '').filter(Boolean);

export function readCodings(ctx: ParseContext, holder: XmlElement, fallbackUser: string | null): ExchangeCoding[] {
  const out: ExchangeCoding[] = [];
  for (const coding of childrenNamed(holder, 'Coding')) {
    const ref = firstChild(coding, 'CodeRef')?.attrs.targetGUID?.trim();
    if (!ref) {
      ctx.skip(coding, 'unknown-reference', say('this Coding has no CodeRef: skipped.'));
      continue;
    }
    if (!ctx.has('code', ref)) {
      ctx.skip(coding, 'unknown-reference', say('its CodeRef names code {guid}, which is not in the code book: this coding is skipped.', { guid: ref }));
      continue;
    }
    const guid = coding.attrs.guid?.trim() ?? '';
    if (guid) ctx.know('coding', guid, coding);
    out.push({
      guid,
      codeGuid: ref,
      creatingUser: ctx.user(coding) ?? fallbackUser,
      createdAt: optionalAttr(coding, 'creationDateTime'),
      noteGuids: noteRefs(coding),
    });
  }
  return out;
}

export function readVariableValues(ctx: ParseContext, holder: XmlElement): ExchangeVariableValue[] {
  const out: ExchangeVariableValue[] = [];
  for (const vv of childrenNamed(holder, 'VariableValue')) {
    const ref = firstChild(vv, 'VariableRef')?.attrs.targetGUID?.trim();
    if (!ref || !ctx.has('variable', ref)) {
      ctx.skip(vv, 'unknown-reference', ref ? say('its VariableRef names variable {guid}, which is not in <Variables>: this value is skipped.', { guid: ref }) : say('this VariableValue has no VariableRef: skipped.'));
      continue;
    }
    const valueEl = vv.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableValue');
    let value: ExchangeVariableValue['value'] = valueEl ? valueEl.text : null;
    if (valueEl?.name === 'BooleanValue') value = /^\s*(true|1)\s*$/.test(valueEl.text);
    else if (valueEl && (valueEl.name === 'IntegerValue' || valueEl.name === 'FloatValue')) {
      const n = Number(valueEl.text.trim());
      value = valueEl.text.trim() !== '' && Number.isFinite(n) ? n : valueEl.text;
    }
    out.push({ variableGuid: ref, value });
  }
  return out;
}

function textHolder(el: XmlElement): RawTextHolder {
  const content = firstChild(el, 'PlainTextContent');
  return { el, plainTextPath: optionalAttr(el, 'plainTextPath'), plainTextContent: content ? content.text : null };
}

function readTextSelections(ctx: ParseContext, holder: XmlElement): RawTextSelection[] {
  const out: RawTextSelection[] = [];
  for (const sel of childrenNamed(holder, 'PlainTextSelection')) {
    if (!ctx.claim('selection', sel, 'selection')) continue;
    const user = ctx.user(sel);
    out.push({
      el: sel,
      guid: sel.attrs.guid!.trim(),
      name: textAttr(sel, 'name'),
      start: integerAttr(sel, 'startPosition'),
      end: integerAttr(sel, 'endPosition'),
      description: firstChild(sel, 'Description')?.text ?? '',
      codings: readCodings(ctx, sel, user),
      creatingUser: user,
      createdAt: optionalAttr(sel, 'creationDateTime'),
      noteGuids: noteRefs(sel),
    });
  }
  return out;
}

/** "internal://admin-1.txt" → "admin-1": a name for a source the file leaves unnamed. */
const fileStem = (p: string | null) => (p ? p.replace(/^.*[\\/:]/, '').replace(/\.[^.]*$/, '') : '');

const OTHER_SELECTIONS = ['PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection'];

export function readSources(ctx: ParseContext, sources: XmlElement | undefined): RawSource[] {
  const out: RawSource[] = [];
  for (const el of sources?.children ?? []) {
    const kind = SOURCE_KINDS[el.name];
    if (!kind) {
      ctx.warn(el, 'unknown-element', say('<{element}> is not a kind of source the standard knows: ignored.', { element: el.name }));
      continue;
    }
    if (!ctx.claim('source', el, 'source')) continue;
    const representation = kind === 'pdf' ? firstChild(el, 'Representation') : undefined;
    const text = kind === 'text' ? textHolder(el) : representation ? textHolder(representation) : null;
    const user = ctx.user(el);
    const other = el.children.filter((c) => OTHER_SELECTIONS.includes(c.name));
    for (const transcript of childrenNamed(el, 'Transcript')) other.push(...childrenNamed(transcript, 'TranscriptSelection'));
    const selections = text ? readTextSelections(ctx, text.el) : [];
    // Non-text selections are known by GUID too (a note may point at one), never imported; a PDF
    // region may share its GUID with the text selection of its representation.
    for (const o of other) if (o.attrs.guid) ctx.know('selection', o.attrs.guid, o);
    out.push({
      el,
      guid: el.attrs.guid!.trim(),
      name: textAttr(el, 'name') || textAttr(text?.el ?? el, 'name') || fileStem(text?.plainTextPath ?? optionalAttr(el, 'path')) || el.attrs.guid!.trim(),
      kind,
      text,
      mediaPath: optionalAttr(el, 'path'),
      description: firstChild(el, 'Description')?.text ?? '',
      creatingUser: user,
      createdAt: optionalAttr(el, 'creationDateTime'),
      selections,
      wholeCodings: [...readCodings(ctx, el, user), ...(representation ? readCodings(ctx, representation, user) : [])],
      otherSelections: other,
      variables: [...readVariableValues(ctx, el), ...(representation ? readVariableValues(ctx, representation) : [])],
      noteGuids: [...noteRefs(el), ...(representation ? noteRefs(representation) : [])],
    });
    // Codings on regions reference codes too: check them, so unknown codes are reported there.
    for (const o of other) readCodings(ctx, o, null);
  }
  return out;
}
