// Checking an exchange document with libxml2 (xmllint-wasm) against the REFI-QDA schemas that
// ship with Groundwork (shared/schemas/refi): whether it is well formed, and the first problems
// against the schema, each with its element and line. Nothing here decides what to do with them.

import { validateXML } from 'xmllint-wasm';
import { CODEBOOK_XSD, PROJECT_XSD } from '../../../shared/schemas/refi/xsd';
import { say, type Message } from '../../../shared/domain/message';

export interface XmlProblem {
  line: number | null;
  /** The element's local name, when the message names one. */
  element: string | null;
  /** libxml2's message, without file name and namespace braces. */
  message: string;
}

export interface XmlCheck {
  wellFormed: boolean;
  valid: boolean;
  /** In document order as libxml2 reports them; the first one is the one to name. */
  problems: XmlProblem[];
}

const MIB_PAGES = 16;

/** "line 12, element Code: attribute 'isCodable': 'yes' is not a valid value …" (libxml2's own words last). */
export const describeXmlProblem = (p: XmlProblem): Message => {
  const where = p.line
    ? p.element
      ? say('line {line}, element {element}', { line: p.line, element: p.element })
      : say('line {line}', { line: p.line })
    : p.element
      ? say('somewhere, element {element}', { element: p.element })
      : say('somewhere');
  return say('{where}: {problem}', { where, problem: p.message });
};

export async function checkXml(xml: string, schema: 'project' | 'codebook'): Promise<XmlCheck> {
  // libxml2 needs several times the document's size; the default (32 MiB) is raised for big files.
  const needMiB = Math.ceil((Buffer.byteLength(xml) * 8) / (1024 * 1024)) + 32;
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [schema === 'project' ? PROJECT_XSD : CODEBOOK_XSD],
    maxMemoryPages: Math.min(4096 * MIB_PAGES, Math.max(32, needMiB) * MIB_PAGES),
  });
  const problems: XmlProblem[] = [];
  let wellFormed = true;
  for (const e of result.errors) {
    // Continuation lines of a parser error (the echoed source line, the caret) carry no location.
    if (!e.loc || e.loc.fileName !== 'document.xml') continue;
    const parser = /parser error/.test(e.message);
    if (parser) wellFormed = false;
    const message = e.message
      .replace(/^(?:parser error|Schemas validity error|Schemas parser error|validity error)\s*:\s*/, '')
      .replace(/\{urn:QDA-XML:(?:project|codebook):1\.0\}/g, '');
    const element = /^Element '([^']+)'/.exec(message)?.[1] ?? null;
    problems.push({ line: e.loc.lineNumber, element, message: message.replace(/^Element '[^']+'(?:, |: )?/, '') });
  }
  if (!result.valid && problems.length === 0) problems.push({ line: null, element: null, message: result.rawOutput.trim().split('\n')[0] ?? 'invalid' });
  return { wellFormed, valid: result.valid, problems: wellFormed ? problems : problems.filter((_, i) => i === 0) };
}
