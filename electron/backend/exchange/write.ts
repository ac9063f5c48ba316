// Writing a .qdpx (project.qde + sources/<GUID>.txt, UTF-8, in a zip made with yazl) or a .qdc
// from an ExportModel. Elements follow Project.xsd's order; positions are code points (or NVivo's
// UTF-16 units over CR LF text when asked). Every document is checked against the schema before it
// is handed back: an export that would not validate is an error, never a file.

import yazl from 'yazl';
import { fail } from '../../../shared/api/errors';
import { say, type Message } from '../../../shared/domain/message';
import { derivedGuid } from '../../../shared/domain/exchange-codebook';
import { exportTree, type ExportCode, type ExportModel, type ExportUnit } from '../../../shared/domain/exchange-export';
import { guidKey } from '../../../shared/domain/exchange-model';
import { exportPositions, POSITION_PROFILES } from '../../../shared/domain/exchange-positions';
import { buildXml, el, excerpt, type XmlNode } from './write-xml';
import { checkXml, describeXmlProblem } from './schema';

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const dateAttr = (value: string | null | undefined) => (value && DATE_TIME.test(value) ? value : undefined);
const VARIABLES_BASE = '00000000-0000-4000-8000-000000000000';

export interface WriteResult {
  bytes: Buffer;
  /** Characters XML cannot carry (control characters in a label or memo), dropped and counted. */
  warnings: Message[];
}

function codeNode(code: ExportCode, noteOf: (guid: string, name: string, memo: string) => XmlNode[], codebook: boolean): XmlNode {
  const attrs = { guid: code.guid, name: code.name, isCodable: code.isCodable ? 'true' : 'false', color: code.color ?? undefined };
  const children: XmlNode[] = [];
  // A codebook has no notes: there a memo is the code's description, the glosses line below it.
  // In a project the memo is a note, and the description holds the glosses line alone.
  const description = codebook ? [code.memo, code.glosses].filter((p) => p.trim()).join('\n\n') : code.glosses;
  if (description) children.push(el('Description', {}, description));
  if (!codebook) children.push(...noteOf(code.guid, code.name, code.memo));
  children.push(...code.children.map((c) => codeNode(c, noteOf, codebook)));
  return el('Code', attrs, children);
}

async function validated(xml: string, schema: 'project' | 'codebook', _what: string): Promise<string> {
  const check = await checkXml(xml, schema);
  if (!check.valid) {
    fail('internal', 'The {what} Groundwork wrote is not valid against the REFI-QDA schema ({problem}); nothing was written.', {
      what: schema === 'project' ? say('project') : say('codebook'),
      problem: describeXmlProblem(check.problems[0]!),
    });
  }
  return xml;
}

/** GUIDs name one thing each in a file: the store must hand over distinct ones. */
function requireDistinctGuids(model: Pick<ExportModel, 'categories' | 'concepts'> & Partial<Pick<ExportModel, 'sources' | 'segments' | 'users'>>) {
  const seen = new Set<string>();
  for (const guid of [
    ...model.categories.map((c) => c.guid),
    ...model.concepts.map((c) => c.guid),
    ...(model.sources ?? []).map((s) => s.guid),
    ...(model.segments ?? []).map((s) => s.guid),
    ...(model.users ?? []).map((u) => u.guid),
  ]) {
    if (seen.has(guidKey(guid))) fail('internal', 'GUID {guid} names two things in the export model; nothing was written.', { guid });
    seen.add(guidKey(guid));
  }
}

/** project.qde and the source texts. */
export async function writeProjectDocument(model: ExportModel, unit: ExportUnit = 'standard') {
  requireDistinctGuids(model);
  const warnings: Message[] = [];
  const tree = exportTree(model);
  const notes: XmlNode[] = [];
  const noteOf = (guid: string, name: string, memo: string): XmlNode[] => {
    if (!memo.trim()) return [];
    const noteGuid = derivedGuid(guid, 'memo');
    notes.push(el('Note', { guid: noteGuid, name: `Memo: ${name}`.slice(0, 200) }, [el('PlainTextContent', {}, memo)]));
    return [el('NoteRef', { targetGUID: noteGuid })];
  };
  const userKeys = new Set(model.users.map((u) => guidKey(u.guid)));
  const user = (guid: string | null) => (guid && userKeys.has(guidKey(guid)) ? guid : undefined);
  const codes = tree.codes.map((c) => codeNode(c, noteOf, false));

  const variableNames = [...new Set(model.sources.flatMap((s) => s.attributes.map((a) => a.name)))];
  const variableGuid = (name: string) => derivedGuid(VARIABLES_BASE, `variable:${name}`);
  const profile = unit === 'nvivo' ? POSITION_PROFILES.utf16 : POSITION_PROFILES.codepoint;
  const files: { name: string; text: string }[] = [];
  const segmentsBySource = new Map<string, ExportModel['segments']>();
  for (const s of model.segments) segmentsBySource.set(guidKey(s.sourceGuid), [...(segmentsBySource.get(guidKey(s.sourceGuid)) ?? []), s]);

  const sources = model.sources.map((source) => {
    const out = exportPositions(source.text, profile, unit === 'nvivo' ? '\r\n' : '\n');
    const fileName = `${source.guid}.txt`;
    // NVivo's own exports carry a byte order mark; no writer counts it in positions.
    files.push({ name: `sources/${fileName}`, text: unit === 'nvivo' ? `\uFEFF${out.text}` : out.text });
    const selections = (segmentsBySource.get(guidKey(source.guid)) ?? [])
      .slice()
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((seg) =>
        el(
          'PlainTextSelection',
          {
            // A segment is one coding: the coding keeps its GUID, the selection gets one derived from it.
            guid: derivedGuid(seg.guid, 'selection'),
            name: excerpt(source.text.slice(seg.start, seg.end)),
            startPosition: String(out.toUnits(seg.start)),
            endPosition: String(out.toUnits(seg.end)),
            creatingUser: user(seg.coderGuid),
            creationDateTime: dateAttr(seg.createdAt),
          },
          [
            el('Coding', { guid: seg.guid, creatingUser: user(seg.coderGuid), creationDateTime: dateAttr(seg.createdAt) }, [el('CodeRef', { targetGUID: seg.conceptGuid })]),
            ...noteOf(seg.guid, 'passage', seg.memo),
          ],
        ),
      );
    return el('TextSource', { guid: source.guid, name: source.name, plainTextPath: `internal://${fileName}`, creationDateTime: dateAttr(source.createdAt) }, [
      ...selections,
      ...noteOf(source.guid, source.name, source.memo),
      ...source.attributes.map((a) => el('VariableValue', {}, [el('VariableRef', { targetGUID: variableGuid(a.name) }), el('TextValue', {}, a.value)])),
    ]);
  });

  const sets = tree.filingSets.map((set) =>
    el('Set', { guid: set.guid, name: set.name }, [el('Description', {}, set.description), ...set.conceptGuids.map((g) => el('MemberCode', { targetGUID: g }))]),
  );
  const project = el(
    'Project',
    {
      xmlns: 'urn:QDA-XML:project:1.0',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': 'urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd',
      name: model.name || 'Groundwork project',
      origin: unit === 'nvivo' ? `${model.origin}; positions in UTF-16 code units with CR LF as 2, for NVivo` : model.origin,
    },
    [
      model.users.length ? el('Users', {}, model.users.map((u) => el('User', { guid: u.guid, name: u.name }))) : null,
      codes.length ? el('CodeBook', {}, [el('Codes', {}, codes)]) : null,
      variableNames.length ? el('Variables', {}, variableNames.map((n) => el('Variable', { guid: variableGuid(n), name: n, typeOfVariable: 'Text' }))) : null,
      sources.length ? el('Sources', {}, sources) : null,
      notes.length ? el('Notes', {}, notes) : null,
      sets.length ? el('Sets', {}, sets) : null,
    ],
  );
  const xml = buildXml(project, warnings);
  return { xml: await validated(xml, 'project', 'project document'), files, warnings };
}

export async function writeQdpx(model: ExportModel, unit: ExportUnit = 'standard'): Promise<WriteResult> {
  const { xml, files, warnings } = await writeProjectDocument(model, unit);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(xml, 'utf8'), 'project.qde');
  for (const f of files) zip.addBuffer(Buffer.from(f.text, 'utf8'), f.name);
  zip.end();
  const parts: Buffer[] = [];
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => parts.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
  });
  return { bytes, warnings };
}

/** The codebook alone (.qdc): the same tree, memos as descriptions, filings as sets. */
export async function writeQdc(model: Pick<ExportModel, 'origin' | 'components' | 'categories' | 'concepts' | 'filings'>): Promise<WriteResult> {
  requireDistinctGuids(model);
  const warnings: Message[] = [];
  const tree = exportTree(model);
  if (!tree.codes.length) fail('conflict', 'The codebook is empty: a .qdc needs at least one code.');
  const root = el('CodeBook', { xmlns: 'urn:QDA-XML:codebook:1.0', origin: model.origin }, [
    el('Codes', {}, tree.codes.map((c) => codeNode(c, () => [], true))),
    tree.filingSets.length
      ? el('Sets', {}, tree.filingSets.map((set) => el('Set', { guid: set.guid, name: set.name }, [el('Description', {}, set.description), ...set.conceptGuids.map((g) => el('MemberCode', { guid: g }))])))
      : null,
  ]);
  const xml = await validated(buildXml(root, warnings), 'codebook', 'codebook');
  return { bytes: Buffer.from(xml, 'utf8'), warnings };
}
