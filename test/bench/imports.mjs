// `node test/bench/imports.mjs` (after `npm run build`): times imports through the built
// browser-mode host's HTTP API and reads the host's resident memory (VmRSS), the figures of
// issue 9's side-by-side protocol: a 300 KB saved web page, a .txt, and the host with a project
// and a 300 KB source open. It reports; it does not fail on a missed target.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from '../../electron/pinned-node.mjs';
import { generateSource, loadPools } from './corpus.mjs';
import { startHost } from './host.mjs';
import { summarize } from './stats.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const EXAMPLES = path.join(REPO, 'fixtures/example');
const RUNS = Number(process.env.GROUNDWORK_BENCH_RUNS) || 9;

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A saved article page of about `bytes`, marked up as real saved pages are: the text as
 * paragraphs with inline links and emphasis inside nested layout divs, plus navigation, a sidebar,
 * a footer, an inline style sheet and inline scripts (state JSON, analytics).
 */
export function articlePage(text, bytes, title) {
  const links = (n, base) => Array.from({ length: n }, (_, i) => `<li class="menu-item"><a class="menu-link" href="/${base}/${i}" title="بخش ${i}">بخش ${i}</a></li>`).join('');
  const state = JSON.stringify({ page: { title, sections: Array.from({ length: 200 }, (_, i) => ({ id: i, slug: `section-${i}`, views: i * 37 })) } });
  const head = `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/theme.css">
<style>${'.c{margin:0;padding:0}.nav a{margin:0 1em}'.repeat(150)}</style>
<script>window.__STATE__=${state};window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script></head>
<body class="page"><div id="wrapper"><header class="site-header"><div class="container"><nav class="nav"><ul class="menu">${links(30, 'c')}</ul></nav></div></header>
<div class="container"><div class="row"><main class="col-main"><article class="post"><div class="post-header"><h1 class="post-title">${escape(title)}</h1>
<div class="meta"><span class="author"><a href="/a/1">نویسنده</a></span> · <time datetime="2024-01-01">۱۴۰۲/۱۰/۱۱</time></div></div><div class="post-content entry">`;
  const tail = `</div></article></main><aside class="col-side"><div class="widget"><h3>مطالب مرتبط</h3><ul>${links(20, 'p')}</ul></div></aside></div></div>
<footer class="site-footer"><div class="container"><ul>${links(15, 'f')}</ul><p>© 2024</p></div></footer></div><script src="/app.js"></script>
<script>gtag('js', new Date());gtag('config','G-XXXX');</script></body></html>`;
  let body = '';
  let n = 0;
  for (const line of text.split('\n')) {
    n += 1;
    const words = escape(line).split(' ');
    if (words.length > 6) words[3] = `<a href="/tag/${n}" class="tag-link">${words[3]}</a>`;
    if (words.length > 10) words[8] = `<strong>${words[8]}</strong>`;
    const piece = n % 12 === 0 ? `<div class="section"><h2 class="section-title">${words.slice(0, 5).join(' ')}</h2></div>\n` : `<div class="para-wrap"><p class="para">${words.join(' ')}</p></div>\n`;
    if (Buffer.byteLength(head + body + piece + tail) > bytes) break;
    body += piece;
  }
  return head + body + tail;
}

const rssMb = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 102.4) / 10;
const settle = async () => {
  await new Promise((r) => setTimeout(r, 1500));
};

async function main() {
  ensureModernNode(import.meta.url);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-imports-'));
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const pools = loadPools(EXAMPLES);
  const source = generateSource({ bytes: 300 * 1024, seed: 300, pools });
  const host = await startHost({ repo: REPO, home });
  const pid = host.process.pid;
  const out = { rss: {} };
  try {
    await settle();
    out.rss.started = rssMb(pid);
    await host.call('project.create', { name: 'Imports bench' });
    await settle();
    out.rss.projectOpen = rssMb(pid);
    const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
    const importOne = async (name, content) => {
      const { value, ms } = await host.timed('document.import', { files: [{ name, dataBase64: b64(content) }] });
      if (value[0].status !== 'imported') throw new Error(`${name}: ${value[0].message}`);
      return { ms, id: value[0].document.id };
    };
    // The first import of a run starts the import worker: timed on its own.
    out.txtFirstMs = Math.round((await importOne('first.txt', 'The first note of the project.\n')).ms * 10) / 10;
    // The 300 KB source as .txt, opened as the reader would open it.
    const txt = await importOne('Long source 300 KB (fa).txt', source.text);
    await host.call('document.get', { id: txt.id });
    await settle();
    out.rss.sourceOpen = rssMb(pid);
    // Once the import worker has been idle a while it ends: the host alone.
    await new Promise((r) => setTimeout(r, 17_000));
    await host.call('document.get', { id: txt.id });
    out.rss.sourceOpenWorkerIdle = rssMb(pid);
    // .txt imports: a short note and the 300 KB text (each run a different text, so none is a duplicate).
    const small = [];
    const large = [];
    for (let i = 0; i < RUNS; i += 1) {
      small.push((await importOne(`note ${i}.txt`, `Note ${i}: a short text of a few words.\n`)).ms);
      large.push((await importOne(`long ${i}.txt`, `${i}\n${source.text}`)).ms);
    }
    out.txtSmall = summarize(small);
    out.txt300kb = summarize(large);
    // The 300 KB web page.
    const html = [];
    for (let i = 0; i < RUNS; i += 1) {
      const page = articlePage(`${i}\n${source.text}`, 300 * 1024, `صفحه آزمایشی ${i}`);
      if (i === 0) out.htmlBytes = Buffer.byteLength(page);
      html.push((await importOne(`page ${i}.html`, page)).ms);
    }
    out.html300kb = summarize(html);
    await settle();
    out.rss.afterImports = rssMb(pid);
    await new Promise((r) => setTimeout(r, 17_000));
    out.rss.afterImportsWorkerIdle = rssMb(pid);
  } finally {
    await host.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(JSON.stringify(out, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
