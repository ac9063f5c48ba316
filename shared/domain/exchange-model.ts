// What a REFI-QDA file (.qdpx, .qde, .qdc) holds once read, as plain data: the store turns it
// into sources, concepts, categories, segments and memos. Every selection here is already in
// Groundwork's terms (UTF-16 offsets into the canonical text); what could not be read is in the
// issues, never silently dropped.

import type { PositionCheck } from './exchange-check';
import type { PositionProfileId, WriterFamily } from './exchange-positions';
import { english, say, type Message } from './message';

/** 8-4-4-4-12 hex digits, either case, braces allowed (as Project.xsd's GUIDType). */
export const GUID_PATTERN = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

export const isGuid = (value: string) => GUID_PATTERN.test(value);

/** GUIDs compare without braces and case: ATLAS.ti and MAXQDA write upper case, NVivo lower case. */
export const guidKey = (guid: string) => guid.replace(/^\{|\}$/g, '').toLowerCase();

export type ExchangeSourceKind = 'text' | 'pdf' | 'picture' | 'audio' | 'video';

export interface ExchangeUser {
  guid: string;
  name: string;
}

export interface ExchangeCode {
  guid: string;
  name: string;
  /** `#rrggbb` (a `#rgb` colour is widened), or null. */
  color: string | null;
  description: string;
  isCodable: boolean;
  children: ExchangeCode[];
  /** Notes attached by NoteRef. */
  noteGuids: string[];
}

export interface ExchangeCoding {
  guid: string;
  codeGuid: string;
  /** The user GUID who coded it (Coding's creatingUser, else the selection's), or null. */
  creatingUser: string | null;
  createdAt: string | null;
  noteGuids: string[];
}

/** A coded (or described) text passage, already in Groundwork's offsets. */
export interface ExchangeSelection {
  guid: string;
  name: string;
  /** UTF-16 offsets into the source's canonical text, [start, end). */
  start: number;
  end: number;
  /** canonicalText.slice(start, end). */
  text: string;
  /** The selection's Description: becomes the segment's memo. */
  description: string;
  codings: ExchangeCoding[];
  creatingUser: string | null;
  createdAt: string | null;
  noteGuids: string[];
  /** The positions as the file wrote them, in the writer's units (for reports). */
  written: { start: number; end: number };
  /** True for a Coding placed on the whole source, carried as a selection over all its text. */
  wholeSource?: boolean;
}

export type ExchangeValue = string | number | boolean;

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface ExchangeVariable {
  guid: string;
  name: string;
  type: VariableType;
  description: string;
}

export interface ExchangeVariableValue {
  variableGuid: string;
  /** Text, Date and DateTime values stay strings as written; numbers and booleans are parsed. */
  value: ExchangeValue | null;
}

export interface ExchangeSource {
  guid: string;
  name: string;
  kind: ExchangeSourceKind;
  /** Canonical text (NFC, LF, no BOM) for a text source or a PDF's text representation; else null. */
  text: string | null;
  /** SHA-256 (hex) of `text`, as Groundwork keys sources; null without text. */
  sha256: string | null;
  /** Where the text came from: the path written in the file, or "PlainTextContent". */
  textFrom: string | null;
  /** The media or PDF file the source names (path attribute), for the report. */
  mediaPath: string | null;
  description: string;
  creatingUser: string | null;
  createdAt: string | null;
  selections: ExchangeSelection[];
  variables: ExchangeVariableValue[];
  noteGuids: string[];
}

export type ExchangeNoteTarget =
  | { kind: 'project' }
  | { kind: 'code' | 'source' | 'selection' | 'coding' | 'case' | 'set' | 'link'; guid: string };

export interface ExchangeNote {
  guid: string;
  name: string;
  /** The note's text (PlainTextContent, or its plain-text file). */
  text: string;
  description: string;
  creatingUser: string | null;
  createdAt: string | null;
  /** What it is attached to: every element holding a NoteRef to it. Empty: a free-standing note. */
  targets: ExchangeNoteTarget[];
}

export interface ExchangeCase {
  guid: string;
  name: string;
  description: string;
  codeGuids: string[];
  sourceGuids: string[];
  selectionGuids: string[];
  variables: ExchangeVariableValue[];
}

export interface ExchangeSet {
  guid: string;
  name: string;
  description: string;
  codeGuids: string[];
  sourceGuids: string[];
  noteGuids: string[];
}

export interface ExchangeLink {
  guid: string;
  name: string;
  direction: string | null;
  originGuid: string | null;
  targetGuid: string | null;
}

export interface ExchangeGraph {
  guid: string;
  name: string;
  vertices: number;
  edges: number;
}

export interface ExchangePositions {
  family: WriterFamily;
  profile: PositionProfileId;
  /** Whether the profile came from `origin` or was imposed by the caller. */
  chosenBy: 'origin' | 'caller';
  check: PositionCheck | null;
}

export interface ExchangeProject {
  format: 'qdpx' | 'qde' | 'qdc';
  name: string;
  origin: string | null;
  description: string;
  users: ExchangeUser[];
  /** The code tree, top-level codes first, in the file's order. */
  codes: ExchangeCode[];
  variables: ExchangeVariable[];
  cases: ExchangeCase[];
  sources: ExchangeSource[];
  notes: ExchangeNote[];
  sets: ExchangeSet[];
  links: ExchangeLink[];
  graphs: ExchangeGraph[];
  positions: ExchangePositions;
}

/** What an issue is about, so a report can count and group them. */
export type ExchangeIssueKind =
  /** Not valid against Project.xsd / Codebook.xsd (read anyway where sound). */
  | 'schema'
  /** The position unit looks wrong for this file. */
  | 'positions'
  | 'duplicate-guid'
  | 'missing-guid'
  | 'unknown-reference'
  /** A colour, a variable type, a name the file gives in a form the standard does not allow. */
  | 'bad-value'
  | 'unknown-element'
  /** A text or PDF source whose text is missing, cannot be read, or is over MAX_SOURCE_CHARS. */
  | 'missing-text'
  /** Picture, audio and video sources. */
  | 'media-source'
  | 'pdf-without-text'
  /** A PDF region with no passage in the PDF's text representation. */
  | 'pdf-region'
  /** Outside the text, inside a surrogate pair or a combined character, reversed, empty, not a number. */
  | 'bad-position'
  | 'note-text'
  | 'link'
  | 'graph';

/** One thing the reader noticed: a warning (imported anyway) or a part skipped, with its place. */
export interface ExchangeIssue {
  severity: 'warning' | 'skipped';
  kind: ExchangeIssueKind;
  /** The file inside the exchange file (project.qde, sources/…txt) or the exchange file itself. */
  file: string;
  /** Element and line (`PlainTextSelection guid=… (line 126)`), or a path. */
  place: string;
  message: string;
  /** The place and the message structured, for the interface to translate (see exchangeIssue). */
  placeSaid?: Message;
  said?: Message;
}

/** An issue with its place and message, in English and structured. */
export const exchangeIssue = (severity: ExchangeIssue['severity'], kind: ExchangeIssueKind, file: string, place: Message, said: Message): ExchangeIssue => ({
  severity,
  kind,
  file,
  place: english(place),
  message: english(said),
  placeSaid: place,
  said,
});

/** What the XML holds, counted as written, beside what was read into the model. */
export interface ExchangeCounts {
  users: number;
  codes: number;
  sources: Record<ExchangeSourceKind, number>;
  /** PlainTextSelection elements (in text sources and PDF representations). */
  textSelections: number;
  /** Picture, PDF-region, audio, video and transcript selections: not imported. */
  otherSelections: number;
  codings: number;
  notes: number;
  variables: number;
  cases: number;
  sets: number;
  links: number;
  graphs: number;
}

export interface ExchangeReadResult {
  project: ExchangeProject;
  /** Counted from the XML, whatever was imported. */
  inFile: ExchangeCounts;
  issues: ExchangeIssue[];
}

/** Human text for one issue, on one line: "file: place: message". */
export const formatIssue = (i: ExchangeIssue) => `${i.file}: ${i.place}: ${i.message}`;

/** The same line structured: what the interface and the command line translate. */
export const issueSaid = (i: ExchangeIssue): Message =>
  say('{file}: {place}: {message}', { file: i.file, place: i.placeSaid ?? i.place, message: i.said ?? say('{line}', { line: i.message }) });
