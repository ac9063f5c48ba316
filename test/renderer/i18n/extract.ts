// Finds every piece of interface text in the renderer's source: the literal first argument of each
// t(…) call and the literal phrases of each plural(…) call, by parsing the TypeScript (Vite's own
// parser), so a call split over lines, in JSX or in a template is found alike. Calls whose text is
// not a literal are listed separately: their possible values must be checked another way.

import fs from 'node:fs';
import path from 'node:path';
import { parseAst } from 'vite';

export interface Found {
  text: string;
  file: string;
  line: number;
}

export interface Extracted {
  /** Literal texts, in source order. */
  literals: Found[];
  /** Calls whose text is an expression: `file:line` and the expression's source. */
  dynamic: { file: string; line: number; expression: string }[];
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function literalText(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as Node[]).length === 0) {
    return ((node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? null);
  }
  return null;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const key of Object.keys(n)) {
    if (key !== 'parent') walk(n[key], visit);
  }
}

export function extractInterfaceText(rendererDir: string, root = rendererDir): Extracted {
  const literals: Found[] = [];
  const dynamic: Extracted['dynamic'] = [];
  for (const file of sourceFiles(rendererDir)) {
    // The catalogues and t() itself are not interface text.
    if (path.relative(rendererDir, file).split(path.sep)[0] === 'i18n') continue;
    const source = fs.readFileSync(file, 'utf8');
    const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
    const rel = path.relative(root, file);
    const ast = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file);
    walk(ast, (node) => {
      if (node.type !== 'CallExpression') return;
      const callee = node.callee as Node;
      if (callee.type !== 'Identifier') return;
      const name = callee.name as string;
      const args = node.arguments as Node[];
      const texts = name === 't' ? args.slice(0, 1) : name === 'plural' ? args.slice(1, 3) : [];
      for (const arg of texts) {
        const text = literalText(arg);
        if (text !== null) literals.push({ text, file: rel, line: lineOf(arg.start) });
        else dynamic.push({ file: rel, line: lineOf(arg.start), expression: source.slice(arg.start, arg.end) });
      }
    });
  }
  return { literals, dynamic };
}

/** The `{name}` placeholders of a text. */
export const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
