// The layering of the code base, checked on the import statements of every source file:
//   shared/            imports nothing from db/, electron/ or renderer/, no Node module and not 'electron'
//   renderer/          never imports db/ or electron/, no Node module and not 'electron'
//   db/                never imports electron/ or renderer/ (nor the 'electron' package)
//   electron/backend/  never imports the 'electron' package, so it runs under plain Node too
//   electron/          never imports better-sqlite3 or pg: raw connections live in db/
// and SQL lives only in db/: no SQL statement, prepare, exec of SQL text, pragma or transaction on
// a connection in electron/, renderer/ or shared/ (handlers speak to the Store, never to SQL).

import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/files';

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
const isSqliteDriver = ({ specifier }: Import) => specifier === 'better-sqlite3' || specifier.startsWith('better-sqlite3/');
const isPostgresDriver = ({ specifier }: Import) => /^pg(-[a-z-]+)?(\/|$)/.test(specifier);

type Rule = { what: string; breaks: (i: Import) => boolean };
const rules: Record<string, Rule[]> = {
  shared: [
    { what: 'better-sqlite3', breaks: isSqliteDriver },
    { what: 'db/', breaks: inFolder('db') },
    { what: 'electron/', breaks: inFolder('electron') },
    { what: 'renderer/', breaks: inFolder('renderer') },
    { what: 'a Node module', breaks: isNodeModule },
    { what: "'electron'", breaks: isElectron },
  ],
  renderer: [
    { what: 'better-sqlite3', breaks: isSqliteDriver },
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
  electron: [
    { what: 'better-sqlite3 (raw connections live in db/; handlers call the Store)', breaks: isSqliteDriver },
    { what: 'pg (raw connections live in db/; handlers call the Store)', breaks: isPostgresDriver },
  ],
};

/**
 * SQL as this code base writes it (keywords in capitals, so prose such as "Select a source from
 * the list" is not taken for it), and the calls that reach a connection directly. `.exec(` counts
 * only with text written in place: RegExp#exec takes a variable.
 */
const SQL_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'SELECT … FROM', pattern: /\bSELECT\b[\s\S]{1,400}?\bFROM\b/ },
  { what: 'INSERT INTO', pattern: /\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b/ },
  { what: 'UPDATE … SET', pattern: /\bUPDATE\s+[\w"]+\s+SET\b/ },
  { what: 'DELETE FROM', pattern: /\bDELETE\s+FROM\b/ },
  { what: 'CREATE/DROP/ALTER', pattern: /\b(?:CREATE|DROP|ALTER)\s+(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b/ },
  { what: '.prepare(', pattern: /\.prepare\s*\(/ },
  { what: '.exec( of SQL text', pattern: /\.exec\s*\(\s*[`'"]/ },
  { what: 'pragma(', pattern: /\bpragma\s*\(/ },
  { what: '.transaction(', pattern: /\.transaction\s*\(/ },
];

/** What SQL a source holds, each as "what: the text found". */
function sqlIn(source: string): string[] {
  const code = stripComments(source);
  return SQL_PATTERNS.flatMap(({ what, pattern }) => {
    const found = pattern.exec(code);
    return found ? [`${what}: ${found[0].replace(/\s+/g, ' ').slice(0, 60)}`] : [];
  });
}

function sqlOutsideDb(folder: string): string[] {
  return sourceFiles(folder).flatMap((file) => sqlIn(fs.readFileSync(path.join(REPO, file), 'utf8')).map((found) => `${file} holds SQL (${found})`));
}

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
    expect(backend).toContainEqual({ file: 'electron/backend/backend.ts', specifier: '../../db/store' });
    expect(landsIn({ file: 'electron/backend/backend.ts', specifier: '../../db/store' })).toBe('db/store');
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

describe('the SQL scanner itself', () => {
  // Lines of the four files that held SQL outside db/ before the Store (issue 9), as they were.
  const BEFORE_THE_STORE: Record<string, string> = {
    'electron/backend/handlers/records.ts': [
      "    runCommand(project, { kind: 'record.delete', label: `Delete record ${quoted(record.title)}` }, (db) => {",
      "      sql(db, 'DELETE FROM duplicate_dismissal WHERE record_a = ? OR record_b = ?').run(id, id);",
      "      sql(db, 'UPDATE record SET merged_into = NULL WHERE merged_into = ?').run(id);",
    ].join('\n'),
    'electron/backend/bibliography/index.ts': "        if (match.recordId !== null) sql(db, 'DELETE FROM record WHERE id = ?').run(match.recordId);",
    'electron/backend/maturity/model-io.ts':
      "  const removedRatings = (project.read.prepare('SELECT count(*) AS n FROM maturity_rating').get() as { n: number }).n;",
    'electron/backend/study.ts': [
      '    project.raw.transaction(() => {',
      "      project.raw.exec('DELETE FROM command_change; DELETE FROM command;');",
      '    })();',
      "    project.raw.pragma('wal_checkpoint(TRUNCATE)');",
    ].join('\n'),
  };

  it('would have caught each of the four files that held SQL outside db/', () => {
    for (const [file, source] of Object.entries(BEFORE_THE_STORE)) expect(sqlIn(source), file).not.toEqual([]);
    expect(sqlIn(BEFORE_THE_STORE['electron/backend/study.ts']!).map((f) => f.split(':')[0])).toEqual(
      expect.arrayContaining(['DELETE FROM', '.exec( of SQL text', 'pragma(', '.transaction(']),
    );
    expect(sqlIn(BEFORE_THE_STORE['electron/backend/maturity/model-io.ts']!).map((f) => f.split(':')[0])).toEqual(['SELECT … FROM', '.prepare(']);
  });

  it('finds SQL written over several lines of a template', () => {
    expect(sqlIn('const rows = await db.all(`SELECT d.id, d.name,\n  d.memo\n  FROM document d`);')).toEqual([
      'SELECT … FROM: SELECT d.id, d.name, d.memo FROM',
    ]);
    expect(sqlIn("db.run(`INSERT OR IGNORE INTO concept (label) VALUES (?)`, label);")).toEqual(['INSERT INTO: INSERT OR IGNORE INTO']);
  });

  it('leaves regular expressions, prose and comments alone', () => {
    const source = [
      'const m = TAG.exec(line);',
      "const n = /^Key([A-Z])$/.exec(event.code)?.[1];",
      "const hint = t('Select a source from the list, then update it and set its stage.');",
      "// SELECT id FROM document: the repositories in db/ do this",
      '/* DELETE FROM record */',
      "const label = 'Delete from the project';",
    ].join('\n');
    expect(sqlIn(source)).toEqual([]);
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

  it('nothing in electron/ imports better-sqlite3 or pg: raw connections live in db/, handlers call the Store', () => {
    expect(violations('electron')).toEqual([]);
  });
});

describe('SQL lives only in db/', () => {
  it.each(['electron', 'renderer', 'shared'])('%s/ holds no SQL and no call on a raw connection', (folder) => {
    expect(sqlOutsideDb(folder)).toEqual([]);
  });

  it('the repositories in db/ do hold SQL (the scanner reads the real tree)', () => {
    expect(sqlOutsideDb('db').some((v) => v.startsWith('db/search.ts holds SQL (SELECT … FROM'))).toBe(true);
  });
});
