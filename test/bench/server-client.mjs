// A simulated coder for the server benchmark: a browser signed in to the team server that does what
// the app's page does (renderer/state/store.ts): after each of its changes, and after hearing
// others' changes on its event stream (gathered: at most two refreshes a second, one at a time), it reads what a page shows; it sends
// the change mark it last refreshed for with every call. Between actions it "thinks". It codes
// passages, writes memos on a few shared concepts, moves shared concepts between categories and
// undoes its own steps, and records every acknowledged write for the checks afterwards.

import http from 'node:http';

export class Browser {
  constructor(port) {
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.cookie = '';
    this.known = 0;
    this.seen = 0;
  }

  request(path, { method = 'GET', body } = {}) {
    return new Promise((resolve, reject) => {
      const headers = { Host: `127.0.0.1:${this.port}`, Origin: this.origin };
      if (this.cookie) headers.Cookie = this.cookie;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const req = http.request({ host: '127.0.0.1', port: this.port, path, method, headers, agent: this.agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode, headers: res.headers, json, text });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  async login(name, password) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const answer = await this.request('/api/login', { method: 'POST', body: JSON.stringify({ name, password }) });
    if (answer.status !== 200) throw new Error(`sign-in of ${name}: ${answer.status} ${answer.text}`);
    this.cookie = String(answer.headers['set-cookie'][0]).split(';')[0];
  }

  /** A call; network failures throw (the outcome of a change is then unknown). */
  async call(method, input = {}) {
    const started = performance.now();
    const answer = await this.request('/api/call', { method: 'POST', body: JSON.stringify({ method, input, seen: this.seen }) });
    const ms = performance.now() - started;
    const body = answer.json ?? { ok: false, error: { code: `http-${answer.status}`, message: answer.text } };
    if (typeof body.mark === 'number') this.known = Math.max(this.known, body.mark);
    return { status: answer.status, body, ms };
  }

  /** The event stream, opened again a second after it breaks (as EventSource does). */
  listen(onEvent, onState) {
    let closed = false;
    let req = null;
    const open = () => {
      if (closed) return;
      req = http.get({ host: '127.0.0.1', port: this.port, path: '/api/events', headers: { Cookie: this.cookie, Origin: this.origin, Host: `127.0.0.1:${this.port}` } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          onState(false);
          return setTimeout(open, 1000);
        }
        onState(true);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffer += chunk;
          for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const line = block.split('\n').find((l) => l.startsWith('data: '));
            if (line) onEvent(JSON.parse(line.slice(6)));
          }
        });
        res.on('close', () => {
          if (closed) return;
          onState(false);
          setTimeout(open, 1000);
        });
      });
      req.on('error', () => {
        if (closed) return;
        onState(false);
        setTimeout(open, 1000);
      });
    };
    open();
    return () => {
      closed = true;
      req?.destroy();
    };
  }
}

/**
 * The intended refusals: a change over one this page had not seen, a move of a concept another
 * coder moved, an undo another coder's later change depends on.
 */
const INTENDED = /changed the same item a moment ago|any more; look again|cannot be undone: a later change by/;

/** As HEARD_GAP_MS in renderer/state/store.ts. */
const HEARD_GAP_MS = 500;

const pick = (list, random) => list[Math.floor(random() * list.length)];

/** A small seeded random generator (mulberry32), so runs are comparable. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What every coder shares: the clock, the results and the setting of the project. */
export function newStats() {
  return {
    latency: { code: [], memo: [], move: [], undo: [], read: [] },
    ok: { code: 0, memo: 0, move: 0, undo: 0 },
    conflicts: { code: 0, memo: 0, move: 0, undo: 0 },
    errors: [],
    unavailable: 0,
    uncertainCommits: 0,
    networkFailures: 0,
    unknownOutcome: [],
    unavailableReads: 0,
    reconnectingSeen: 0,
    propagation: [],
    acked: { writes: [], undos: 0, undone: new Set(), undoSeqs: [] },
    writeAckedAt: new Map(),
    firstOkAfter: null,
  };
}

/**
 * Runs one coder until `until` (a performance.now() time). `project` names the sources (id and
 * length), the concepts to code with, the shared concepts and the categories.
 */
export async function runCoder({ browser, index, run, project, stats, until, thinkMs, faultClock }) {
  const random = seeded(1000 * run + index);
  let view = { filings: new Map() };
  /** The user's latest step (history.undo after the last refresh): the step a write of theirs made. */
  let ownLatest = null;
  let refreshing = null;
  let again = false;
  const refresh = async () => {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        const upTo = browser.known;
        ownLatest = undefined;
        try {
          const answers = await Promise.all([
            browser.call('document.list'),
            browser.call('codebook.get'),
            browser.call('counts.paradigm'),
            browser.call('history.get'),
            browser.call('segment.forDocument', { documentId: pick(project.documents, random).id }),
          ]);
          for (const a of answers) {
            stats.latency.read.push(a.ms);
            if (!a.body.ok && a.body.error.code === 'unavailable') stats.unavailableReads += 1;
          }
          if (answers[3].body.ok) ownLatest = answers[3].body.value.undo?.id ?? null;
          const codebook = answers[1].body;
          if (codebook.ok) {
            view = { filings: new Map() };
            for (const f of codebook.value.filings) view.filings.set(f.conceptId, f.categoryId);
            if (answers.every((a) => a.body.ok)) browser.seen = Math.max(browser.seen, upTo);
          }
        } catch {
          stats.networkFailures += 1;
        }
      } while (again);
    })().finally(() => (refreshing = null));
    return refreshing;
  };

  // Others' changes are gathered as the page does (renderer/state/store.ts refreshSoon): at most
  // one refresh for them every HEARD_GAP_MS.
  let heardTimer = null;
  let lastHeardRefresh = 0;
  const refreshSoon = () => {
    if (heardTimer) return;
    heardTimer = setTimeout(
      () => {
        heardTimer = null;
        lastHeardRefresh = performance.now();
        void refresh();
      },
      Math.max(50, lastHeardRefresh + HEARD_GAP_MS - performance.now()),
    );
  };

  let connected = true;
  const stop = browser.listen(
    (event) => {
      if (event.type !== 'project.changed') return;
      if (typeof event.mark === 'number') {
        browser.known = Math.max(browser.known, event.mark);
        const acked = stats.writeAckedAt.get(event.mark);
        if (acked !== undefined && event.method === 'external') stats.propagation.push(performance.now() - acked);
      }
      if (event.method === 'external') refreshSoon();
    },
    (open) => {
      if (!open && connected) stats.reconnectingSeen += 1;
      if (open && !connected) void refresh();
      connected = open;
    },
  );

  await browser.call('project.open', { path: project.location });
  await refresh();
  let counter = 0;
  try {
    while (performance.now() < until) {
      await new Promise((r) => setTimeout(r, thinkMs * (0.5 + random())));
      if (performance.now() >= until) break;
      const roll = random();
      const kind = roll < 0.55 ? 'code' : roll < 0.75 ? 'memo' : roll < 0.9 ? 'move' : 'undo';
      counter += 1;
      let method;
      let input;
      if (kind === 'code') {
        const doc = pick(project.documents, random);
        const start = Math.floor(random() * (doc.length - 60));
        method = 'segment.code';
        input = { documentId: doc.id, start, end: start + 10 + Math.floor(random() * 40), conceptId: pick(project.concepts, random) };
      } else if (kind === 'memo') {
        method = 'memo.set';
        input = { target: { kind: 'concept', id: pick(project.shared, random) }, text: `memo ${index}.${counter} at ${Date.now()}` };
      } else if (kind === 'move') {
        const concept = pick(project.shared, random);
        const from = view.filings.get(concept) ?? null;
        const to = pick(project.categories.filter((c) => c !== from), random);
        method = 'category.fileConcepts';
        input = { categoryId: to, conceptIds: [concept], ...(from ? { fromCategoryId: from } : {}) };
      } else {
        method = 'history.undo';
        input = {};
      }
      // A change the server answered "unavailable" changed nothing: it is tried again (as a person would).
      for (let attempt = 0; ; attempt += 1) {
        let answer;
        try {
          answer = await browser.call(method, input);
        } catch {
          stats.networkFailures += 1;
          stats.unknownOutcome.push({ coder: index, method, input, seq: counter });
          await new Promise((r) => setTimeout(r, 500));
          break;
        }
        const { body, ms } = answer;
        if (body.ok) {
          stats.latency[kind].push(ms);
          stats.ok[kind] += 1;
          if (faultClock && stats.firstOkAfter === null && faultClock.since !== null) stats.firstOkAfter = performance.now() - faultClock.since;
          if (typeof body.mark === 'number') stats.writeAckedAt.set(body.mark, performance.now());
          // The step a write made is the user's latest after the refresh that follows it.
          const record =
            kind === 'code'
              ? { kind, coder: index, ...body.value }
              : kind === 'memo'
                ? { kind, coder: index, conceptId: input.target.id, text: input.text }
                : kind === 'move'
                  ? { kind, coder: index, conceptId: input.conceptIds[0], to: input.categoryId }
                  : null;
          if (record) {
            record.seq = counter;
            stats.acked.writes.push(record);
          }
          if (kind === 'undo') {
            stats.acked.undos += 1;
            stats.acked.undoSeqs.push({ coder: index, seq: counter });
            if (body.value.redo) stats.acked.undone.add(body.value.redo.id);
          }
          await refresh();
          if (record) record.step = ownLatest;
          break;
        }
        if (body.error.code === 'unavailable' || body.error.code === 'http-503' || body.error.code === 'busy') {
          stats.unavailable += 1;
          await new Promise((r) => setTimeout(r, 300));
          if (attempt < 100) continue;
        } else if (body.error.code === 'signed-out' || body.error.code === 'http-401') {
          // A server started again keeps sign-ins; a page asked to sign in again would.
          stats.errors.push({ coder: index, method, code: body.error.code, message: body.error.message });
        } else if (body.error.code === 'io' && /may have been saved/.test(body.error.message)) {
          // The database went away during its commit: saved or not (the checks do not count on it).
          stats.uncertainCommits += 1;
          stats.unknownOutcome.push({ coder: index, method, input, seq: counter });
        } else if (body.error.code === 'conflict' && INTENDED.test(body.error.message)) {
          stats.conflicts[kind] += 1;
        } else {
          stats.errors.push({ coder: index, method, code: body.error.code, message: body.error.message });
        }
        await refresh();
        break;
      }
    }
  } finally {
    stop();
    clearTimeout(heardTimer);
  }
}
