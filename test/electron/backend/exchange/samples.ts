// Reading the vendor samples in ../shared/refi independently of the importer: the archive with
// yauzl directly, the selections with a regular expression over the XML text, and the passage each
// writer meant from its own text and unit as ../shared/refi/README.md describes them.

import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { canonicalizeText } from '../../../../shared/domain/text';
import { REPO } from '../../../helpers/backend';

/** ../shared/refi beside the repository (or beside the worktrees' folder), or null. */
export function refiDir(): string | null {
  for (const up of ['..', '../..']) {
    const dir = path.resolve(REPO, up, 'shared/refi');
    if (fs.existsSync(path.join(dir, 'schemas/Project.xsd'))) return dir;
  }
  return null;
}

export const REFI = refiDir();
export const sample = (name: string) => path.join(REFI ?? '', 'samples', name);
export const samples = () => (REFI ? fs.readdirSync(path.join(REFI, 'samples')).sort() : []);

export function unzipAll(file: string | Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => {
      if (error || !zip) return reject(error);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    };
    if (typeof file === 'string') yauzl.open(file, { lazyEntries: true }, done);
    else yauzl.fromBuffer(file, { lazyEntries: true }, done);
  });
}

export interface WrittenSelection {
  guid: string;
  /** plainTextPath of the TextSource or Representation holding it. */
  textPath: string;
  start: number;
  end: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** Every PlainTextSelection with the plainTextPath of the element holding it, by a scan of the tags. */
export function writtenSelections(xml: string): WrittenSelection[] {
  const out: WrittenSelection[] = [];
  const holders: (string | null)[] = [];
  for (const m of xml.matchAll(/<(\/?)(TextSource|Representation|PlainTextSelection|Note)\b([^>]*?)(\/?)>/g)) {
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      if (name !== 'PlainTextSelection') holders.pop();
      continue;
    }
    if (name === 'PlainTextSelection') {
      const holder = holders[holders.length - 1];
      if (holder) out.push({ guid: attr(attrs!, 'guid')!, textPath: holder, start: Number(attr(attrs!, 'startPosition')), end: Number(attr(attrs!, 'endPosition')) });
    } else if (!selfClose) holders.push(name === 'Note' ? null : attr(attrs!, 'plainTextPath'));
  }
  return out;
}

/** The entry of the archive a plainTextPath names, looked for as each writer stores it. */
export function entryFor(entries: Map<string, Buffer>, textPath: string): Buffer | undefined {
  const name = textPath.replace(/^internal:\/\//, '');
  return entries.get(`sources/${name}`) ?? entries.get(`Sources/${name}`);
}

/** The writer's text: UTF-8 without its byte order mark, line ends and all as in the file. */
export const writerText = (bytes: Buffer) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);

/** The passage a writer meant, in Groundwork's canonical form, from its unit's own definition. */
export function meantPassage(text: string, unit: 'utf16' | 'codepoint', start: number, end: number): string {
  const raw = unit === 'utf16' ? text.slice(start, end) : Array.from(text).slice(start, end).join('');
  return canonicalizeText(raw);
}

export const countTags = (xml: string, name: string) => (xml.match(new RegExp(`<${name}\\b`, 'g')) ?? []).length;
