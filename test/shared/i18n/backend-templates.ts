// Finds every template of the text the backend writes for people, by parsing the sources of db/,
// electron/ and shared/ (Vite's parser, as the interface's extractor does): the literal text of
// say(), sayCount(), fail(), new GroundworkError(), requireFound(), a command's label (write({ label }),
// setLabel()) and, in the contract, the messages its schemas give. A call whose text is not a
// literal is listed apart, so the test can ask for its possible values.

import fs from 'node:fs';
import path from 'node:path';
import { parseAst } from 'vite';

export type TemplateKind = 'message' | 'label';

export interface FoundTemplate {
  text: string;
  kind: TemplateKind;
  file: string;
  line: number;
}

export interface BackendTemplates {
  templates: FoundTemplate[];
  /** Calls whose text is an expression: its source, or a template literal with values (`…${x}…`). */
  dynamic: { file: string; line: number; expression: string; kind: TemplateKind }[];
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const FOLDERS = ['db', 'electron', 'shared'];
/** The catalogues themselves, and the message module, hold no text of their own. */
const SKIP = [/^shared\/i18n\//, /^shared\/domain\/message\.ts$/];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function literalText(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as Node[]).length === 0) {
    return (node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? null;
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
  for (const key of Object.keys(n)) if (key !== 'parent') walk(n[key], visit);
}

const calleeName = (callee: Node): string | null => {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && (callee.property as Node).type === 'Identifier') return ((callee.property as Node).name as string) ?? null;
  return null;
};

/**
 * Which arguments of a call are text, and of what kind. A `template` argument is the English
 * template itself: a literal, or an expression whose values the test lists. A `message` argument
 * takes a template literal or any expression of a Message (a variable, a call that builds one);
 * only a string built on the spot (`${…}`, +, .join) is refused, as it cannot be translated.
 */
const TEXT_ARGUMENTS: Record<string, { at: number[]; kind: TemplateKind; takes: 'template' | 'message' }> = {
  say: { at: [0], kind: 'message', takes: 'template' },
  sayCount: { at: [1, 2], kind: 'message', takes: 'template' },
  fail: { at: [1], kind: 'message', takes: 'template' },
  requireFound: { at: [1], kind: 'message', takes: 'message' },
  setLabel: { at: [0], kind: 'label', takes: 'message' },
};

/** Calls that make a string, not a message. */
const STRING_CALLS = new Set(['String', 'english', 'join', 'replace', 'slice', 'trim', 'toString', 'toLocaleString', 'stringify', 'padEnd', 'padStart', 'concat', 'formatIssue']);

/** Whether an expression builds a string on the spot (and so cannot be a message). */
function buildsString(node: Node): boolean {
  switch (node.type) {
    case 'TemplateLiteral':
      return (node.expressions as Node[]).length > 0;
    case 'BinaryExpression':
      return node.operator === '+';
    case 'CallExpression':
      return STRING_CALLS.has(calleeName(node.callee as Node) ?? '');
    case 'ConditionalExpression':
      return buildsString(node.consequent as Node) || buildsString(node.alternate as Node);
    case 'LogicalExpression':
      return buildsString(node.left as Node) || buildsString(node.right as Node);
    default:
      return false;
  }
}

/** Zod's checks whose second argument is the message the schema gives. */
const SCHEMA_MESSAGES = new Set(['min', 'max', 'length', 'regex', 'nonempty', 'refine', 'superRefine', 'email', 'url']);

export function extractBackendTemplates(root: string): BackendTemplates {
  const templates: FoundTemplate[] = [];
  const dynamic: BackendTemplates['dynamic'] = [];
  for (const folder of FOLDERS) {
    for (const file of sourceFiles(path.join(root, folder))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (SKIP.some((re) => re.test(rel))) continue;
      const source = fs.readFileSync(file, 'utf8');
      const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
      const inContract = /^shared\/api\/(.*-)?contract\.ts$/.test(rel);
      const take = (arg: Node | undefined, kind: TemplateKind, takes: 'template' | 'message' = 'message') => {
        if (!arg) return;
        // A label made on the spot with say() (`setLabel(say('Create concept “{a}”', …))`) is a label's template.
        if (kind === 'label' && arg.type === 'CallExpression') {
          const spec = TEXT_ARGUMENTS[calleeName(arg.callee as Node) ?? ''];
          if (spec && (calleeName(arg.callee as Node) === 'say' || calleeName(arg.callee as Node) === 'sayCount')) {
            labelCalls.add(arg.start);
            for (const at of spec.at) take((arg.arguments as Node[])[at], 'label', 'template');
            return;
          }
        }
        // A choice between two literals (a plural) is two templates.
        if (arg.type === 'ConditionalExpression') {
          take(arg.consequent as Node, kind, takes);
          take(arg.alternate as Node, kind, takes);
          return;
        }
        const text = literalText(arg);
        if (text !== null) templates.push({ text, kind, file: rel, line: lineOf(arg.start) });
        // A message made elsewhere (say() is found as that call) is passed on; a template must be declared.
        else if (takes === 'template' || buildsString(arg)) {
          dynamic.push({ file: rel, line: lineOf(arg.start), expression: source.slice(arg.start, arg.end), kind });
        }
      };
      const ast = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file);
      const labelCalls = new Set<number>();
      walk(ast, (node) => {
        if (node.type === 'NewExpression' && calleeName(node.callee as Node) === 'GroundworkError') {
          take((node.arguments as Node[])[1], 'message');
          return;
        }
        if (node.type === 'CallExpression') {
          const name = calleeName(node.callee as Node);
          const args = node.arguments as Node[];
          if (!name || labelCalls.has(node.start)) return;
          const spec = Object.hasOwn(TEXT_ARGUMENTS, name) ? TEXT_ARGUMENTS[name] : undefined;
          if (spec) for (const at of spec.at) take(args[at], spec.kind, spec.takes);
          // store.write({ kind, label }, …): the step's label.
          if ((name === 'write' || name === 'writeUnlogged') && args[0]?.type === 'ObjectExpression') {
            for (const prop of args[0].properties as Node[]) {
              if (prop.type === 'Property' && ((prop.key as Node).name === 'label' || (prop.key as Node).value === 'label')) take(prop.value as Node, 'label');
            }
          }
          if (inContract && node.callee && (node.callee as Node).type === 'MemberExpression' && SCHEMA_MESSAGES.has(name)) {
            const text = literalText(args[1]);
            if (text !== null) templates.push({ text, kind: 'message', file: rel, line: lineOf(args[1]!.start) });
          }
          return;
        }
        // In the contract, { message: '…' } of a refinement or an issue.
        if (inContract && node.type === 'Property' && (node.key as Node).type === 'Identifier' && (node.key as Node).name === 'message') {
          const value = node.value as Node;
          const text = literalText(value);
          if (text !== null) templates.push({ text, kind: 'message', file: rel, line: lineOf(value.start) });
          else dynamic.push({ file: rel, line: lineOf(value.start), expression: source.slice(value.start, value.end), kind: 'message' });
        }
      });
    }
  }
  return { templates, dynamic };
}
