// Reading a REFI-QDA file (.qdpx archive, bare .qde, or .qdc codebook) into an ExchangeProject:
// refuse what is unsafe or unreadable as a whole (not a zip, a bomb, unsafe names, a DOCTYPE,
// XML that is not well formed, no project document), read the rest, and report every part left
// out with its reason. Schema problems are warnings: real vendor files are read as far as sound.

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { badFile, GroundworkError } from '../../../shared/api/errors';
import { exchangeIssue, guidKey, type ExchangeIssue, type ExchangeProject, type ExchangeReadResult } from '../../../shared/domain/exchange-model';
import { type PositionProfileId, profileForOrigin } from '../../../shared/domain/exchange-positions';
import { fileProblem, say, sayBytes, sayCount, type Message } from '../../../shared/domain/message';
import { EXCHANGE_LIMITS, type ExchangeArchive, type ExchangeLimits, looksLikeZip, openArchive } from './archive';
import { parseContext } from './parse-context';
import { parseDocument } from './parse-project';
import { describeXmlProblem, checkXml } from './schema';
import { mapSources, type LoadedSource } from './map-sources';
import { loadText, type TextLocator } from './source-text';
import { decodeXml, parseXml, refuseDoctype, rootName } from './xml';

export type ExchangeInput = { name: string; bytes: Uint8Array } | { name: string; path: string };

export interface ReadOptions {
  /** Read positions in this unit instead of the one the writer (`origin`) implies. */
  profile?: PositionProfileId;
  /** Whether `relative://`, `absolute://` and other paths outside the archive are read from disk. */
  external?: 'read' | 'report';
  limits?: ExchangeLimits;
}

const bad = badFile;

async function firstBytes(input: ExchangeInput): Promise<Uint8Array> {
  if ('bytes' in input) return input.bytes.subarray(0, 4);
  const handle = await fs.open(input.path, 'r').catch((e: Error) => {
    throw new GroundworkError('io', fileProblem(input.name, say('cannot be opened ({reason}).', { reason: e.message })));
  });
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The project document of an archive: project.qde at its root, else its only .qde file. */
function projectEntry(name: string, archive: ExchangeArchive): string {
  const root = archive.find('project.qde');
  if (root) return root;
  const qdes = archive.names.filter((n) => /\.qde$/i.test(n));
  if (qdes.length === 1) return qdes[0]!;
  throw bad(name, qdes.length ? say('the archive holds several project documents ({names}) and no project.qde.', { names: qdes.slice(0, 3).join(', ') }) : say('the archive holds no project.qde: it is not a REFI-QDA project (.qdpx).'));
}

export async function readExchangeFile(input: ExchangeInput, options: ReadOptions = {}): Promise<ExchangeReadResult> {
  const limits = options.limits ?? EXCHANGE_LIMITS;
  const zip = looksLikeZip(await firstBytes(input));
  if (!zip && /\.qdpx$/i.test(input.name)) throw bad(input.name, say('this is not a .qdpx project: it is not a zip archive.'));
  let archive: ExchangeArchive | null = null;
  try {
    let docBytes: Uint8Array;
    let docLabel = input.name;
    let qdeFolder = '';
    if (zip) {
      archive = await openArchive(input.name, 'bytes' in input ? { bytes: input.bytes } : { path: input.path }, limits);
      const entry = projectEntry(input.name, archive);
      docBytes = await archive.read(entry);
      docLabel = `${input.name}/${entry}`;
      qdeFolder = entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/') + 1) : '';
    } else if ('bytes' in input) docBytes = input.bytes;
    else {
      const size = (await fs.stat(input.path)).size;
      if (size > limits.entryBytes) throw bad(input.name, say('the file is {size}; a project document over {max} is not read.', { size: sayBytes(size), max: sayBytes(limits.entryBytes) }));
      docBytes = await fs.readFile(input.path);
    }
    return await readDocument(input, docLabel, docBytes, zip, archive, qdeFolder, options);
  } finally {
    archive?.close();
  }
}

async function readDocument(
  input: ExchangeInput,
  label: string,
  bytes: Uint8Array,
  zip: boolean,
  archive: ExchangeArchive | null,
  qdeFolder: string,
  options: ReadOptions,
): Promise<ExchangeReadResult> {
  if (bytes.length === 0) throw bad(label, say('the file is empty.'));
  const xml = decodeXml(label, bytes);
  refuseDoctype(label, xml);
  const root = rootName(xml);
  if (root !== 'Project' && root !== 'CodeBook') {
    throw bad(label, root ? say('the root element is <{element}>, not <Project> or <CodeBook>: this is not a REFI-QDA file.', { element: root }) : say('this is not an XML document.'));
  }
  if (zip && root !== 'Project') throw bad(label, say('a .qdpx must hold a <Project>, and this holds a <CodeBook>.'));
  const check = await checkXml(xml, root === 'Project' ? 'project' : 'codebook');
  if (!check.wellFormed) throw bad(label, say('the XML is not well formed: {problem}', { problem: describeXmlProblem(check.problems[0]!) }));
  const issues: ExchangeIssue[] = [];
  if (!check.valid) {
    const first = check.problems[0]!;
    const more = check.problems.length - 1;
    const line = first.line ? say('line {line}', { line: first.line }) : say('document');
    const place = first.element ? say('{where}, element {element}', { where: line, element: first.element }) : line;
    const schema = root === 'Project' ? 'Project.xsd' : 'Codebook.xsd';
    const problem = first.message.replace(/\.$/, '');
    issues.push(
      exchangeIssue(
        'warning',
        'schema',
        label,
        place,
        more > 0
          ? sayCount(more, 'not valid against {schema}: {problem} (and {n} more problem). The rest was read where it is sound.', 'not valid against {schema}: {problem} (and {n} more problems). The rest was read where it is sound.', { schema, problem })
          : say('not valid against {schema}: {problem}. The rest was read where it is sound.', { schema, problem }),
      ),
    );
  }
  const ctx = parseContext(label);
  const raw = parseDocument(ctx, parseXml(xml));
  issues.push(...ctx.issues);

  const format = zip ? 'qdpx' : root === 'CodeBook' ? 'qdc' : 'qde';
  const writer = profileForOrigin(raw.origin);
  const profile = options.profile ?? writer.profile;
  const locator: TextLocator = {
    archive,
    qdeFolder,
    fileDir: 'path' in input ? path.dirname(path.resolve(input.path)) : null,
    basePath: raw.basePath,
    external: options.external ?? 'read',
  };

  const loaded: LoadedSource[] = [];
  for (const source of raw.sources) {
    if (!source.text) {
      loaded.push({ source, writerText: null, from: null, reason: null });
      continue;
    }
    const { plainTextPath, plainTextContent } = source.text;
    let reason: Message | null = null;
    if (plainTextPath) {
      const text = await loadText(locator, plainTextPath);
      if (text.ok) {
        loaded.push({ source, writerText: text.writerText, from: plainTextPath, reason: null });
        continue;
      }
      reason = text.reason;
    }
    if (plainTextContent !== null) loaded.push({ source, writerText: plainTextContent, from: 'PlainTextContent', reason: null });
    else loaded.push({ source, writerText: null, from: plainTextPath, reason: reason ?? say('it names no plain text (no plainTextPath, no PlainTextContent).') });
  }

  const { sources: mapped, check: positionCheck } = mapSources(label, loaded, profile, issues);

  const notes = [];
  for (const note of raw.notes) {
    let text = note.text.plainTextContent ?? '';
    if (note.text.plainTextPath) {
      const loadedNote = await loadText(locator, note.text.plainTextPath);
      if (loadedNote.ok) text = loadedNote.writerText;
      else {
        issues.push(
          exchangeIssue('warning', 'note-text', label, say('Note {guid} (line {line})', { guid: note.guid, line: note.el.line }), say('its text could not be read: {reason} The note is imported with its name and description only.', { reason: loadedNote.reason })),
        );
      }
    }
    notes.push({
      guid: note.guid,
      name: note.name,
      text,
      description: note.description,
      creatingUser: note.creatingUser,
      createdAt: note.createdAt,
      targets: raw.noteTargets.get(guidKey(note.guid)) ?? [],
    });
  }

  const project: ExchangeProject = {
    format,
    name: raw.name,
    origin: raw.origin,
    description: raw.description,
    users: raw.users,
    codes: raw.codes,
    variables: raw.variables,
    cases: raw.cases,
    sources: mapped.map((s) => ({ ...s, sha256: s.text === null ? null : createHash('sha256').update(s.text, 'utf8').digest('hex') })),
    notes,
    sets: raw.sets,
    links: raw.links,
    graphs: raw.graphs,
    positions: { family: writer.family, profile, chosenBy: options.profile ? 'caller' : 'origin', check: positionCheck },
  };
  for (const link of raw.links) {
    issues.push(exchangeIssue('skipped', 'link', label, say('Link {guid}', { guid: link.guid }), say('link "{name}" is not imported: Groundwork has no links between items.', { name: link.name })));
  }
  for (const graph of raw.graphs) {
    issues.push(
      exchangeIssue(
        'skipped',
        'graph',
        label,
        say('Graph {guid}', { guid: graph.guid }),
        say('graph "{name}" ({vertices} vertices, {edges} edges) is not imported: Groundwork draws its own diagrams.', { name: graph.name, vertices: graph.vertices, edges: graph.edges }),
      ),
    );
  }
  return { project, inFile: raw.inFile, issues };
}
