// The layering of the code base, checked on the import statements of every source file:
//   shared/            imports nothing from db/, electron/ or renderer/, no Node module and not 'electron'
//   renderer/          never imports db/ or electron/, no Node module and not 'electron'
//   db/                never imports electron/ or renderer/ (nor the 'electron' package)
//   electron/backend/  never imports the 'electron' package, so it runs under plain Node too

import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/backend';

/**
 * Build tooling that runs in Node and is not part of the layer it sits in. The renderer's own
 * tsconfig excludes this file for the same reason.
 */
const NOT_LAYER_CODE = new Set(['renderer/vite.config.ts']);

interface Import {
  file: string;
  specifier: string;
}

const STATEMENT_PATTERNS = [
  // import x from '…', import { a } from '…', import type …, export … from '…'
  /(?:^|[;\n])\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
  // import '…' (side effects only)
  /(?:^|[;\n])\s*import\s*['"]([^'"\n]+)['"]/g,
  // import('…') and require('…')
  /\b(?:import|require)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** Removes comments, so an import mentioned in prose is not taken for a real one. */
const stripComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');

function importsOf(source: string): string[] {
  const code = stripComments(source);
  const found = new Set<string>();
  for (const pattern of STATEMENT_PATTERNS) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(path.join(REPO, folder));
  return out.map((f) => path.relative(REPO, f).split(path.sep).join('/')).filter((f) => !NOT_LAYER_CODE.has(f)).sort();
}

function importsUnder(folder: string): Import[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(fs.readFileSync(path.join(REPO, file), 'utf8')).map((specifier) => ({ file, specifier })),
  );
}

/** The top folder of the repository a relative import lands in ('db', 'shared', …), or null for a package. */
const landsIn = ({ file, specifier }: Import): string | null => {
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return target.startsWith('../') ? '..' : target;
};

const inFolder = (folder: string) => (i: Import) => {
  const target = landsIn(i);
  return target !== null && (target === folder || target.startsWith(`${folder}/`));
};

const NODE_BUILTINS = new Set(builtinModules);
const isNodeModule = ({ specifier }: Import) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);
const isElectron = ({ specifier }: Import) => specifier === 'electron' || specifier.startsWith('electron/');

type Rule = { what: string; breaks: (i: Import) => boolean };
const rules: Record<string, Rule[]> = {
  shared: [
    { what: 'db/', breaks: inFolder('db') },
    { what: 'electron/', breaks: inFolder('electron') },
    { what: 'renderer/', breaks: inFolder('renderer') },
    { what: 'a Node module', breaks: isNodeModule },
    { what: "'electron'", breaks: isElectron },
  ],
  renderer: [
    { what: 'db/', breaks: inFolder('db') },
    { what: 'electron/', breaks: inFolder('electron') },
    { what: 'a Node module', breaks: isNodeModule },
    { what: "'electron'", breaks: isElectron },
  ],
  db: [
    { what: 'electron/', breaks: inFolder('electron') },
    { what: 'renderer/', breaks: inFolder('renderer') },
    { what: "'electron'", breaks: isElectron },
  ],
  'electron/backend': [{ what: "'electron'", breaks: isElectron }],
};

function violations(folder: string): string[] {
  return importsUnder(folder).flatMap((i) =>
    rules[folder]!.filter((r) => r.breaks(i)).map((r) => `${i.file} imports '${i.specifier}' (${folder}/ must not import ${r.what})`),
  );
}

describe('the scanner itself', () => {
  it('finds every form of import, and none in comments or strings that merely mention one', () => {
    const source = [
      "import fs from 'node:fs';",
      "import type { A } from '../db/a';",
      'import {',
      '  b,',
      '  c,',
      "} from \"../electron/b\";",
      "export { d } from './d';",
      "export * from './e';",
      "import './styles.css';",
      "const lazy = await import('../renderer/lazy');",
      "const old = require('electron');",
      "// import nope from 'commented-out';",
      "/* import also from 'block-comment'; */",
      "const url = 'http://example.com/x'; const text = 'data from the source';",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(
      ['../db/a', '../electron/b', '../renderer/lazy', './d', './e', './styles.css', 'electron', 'node:fs'].sort(),
    );
  });

  it('reads the real source tree: known imports are found and resolved to their folder', () => {
    const backend = importsUnder('electron/backend');
    expect(backend).toContainEqual({ file: 'electron/backend/backend.ts', specifier: '../../db/connection' });
    expect(landsIn({ file: 'electron/backend/backend.ts', specifier: '../../db/connection' })).toBe('db/connection');
    expect(sourceFiles('renderer').some((f) => f.endsWith('.tsx'))).toBe(true);
    for (const folder of Object.keys(rules)) expect(sourceFiles(folder).length, folder).toBeGreaterThan(0);
  });

  it('would report a renderer file importing the database or Node', () => {
    const bad: Import[] = [
      { file: 'renderer/editor/Reader.tsx', specifier: '../../db/segments' },
      { file: 'renderer/editor/Reader.tsx', specifier: 'fs' },
      { file: 'renderer/editor/Reader.tsx', specifier: 'node:path' },
    ];
    expect(bad.map((i) => rules.renderer!.some((r) => r.breaks(i)))).toEqual([true, true, true]);
    expect(rules.renderer!.some((r) => r.breaks({ file: 'renderer/App.tsx', specifier: '../shared/domain/model' }))).toBe(false);
  });
});

describe('layering', () => {
  it('shared/ imports nothing from db/, electron/ or renderer/, no Node module and not electron', () => {
    expect(violations('shared')).toEqual([]);
  });

  it('renderer/ never imports db/, electron/ or a Node module', () => {
    expect(violations('renderer')).toEqual([]);
  });

  it('db/ never imports electron/ or renderer/', () => {
    expect(violations('db')).toEqual([]);
  });

  it("electron/backend/ never imports 'electron', so the web host and the command line run on plain Node", () => {
    expect(violations('electron/backend')).toEqual([]);
  });
});
