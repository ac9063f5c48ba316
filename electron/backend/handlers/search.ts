// Handlers for corpus search, autocoding, dictionary suggestions and word frequencies. A change
// (autocode, synonyms, a rejection) checks what it needs inside its own command; a search first
// brings the index in step, outside any command (derived data, not in the history).

import { fail, GroundworkError } from '../../../shared/api/errors';
import { say, sayCount, type Message } from '../../../shared/domain/message';
import { paletteColor } from '../../../shared/domain/colors';
import type { CoderId, ConceptId } from '../../../shared/domain/ids';
import { contextAround, rangeProblem, tightenRange, type TextRange } from '../../../shared/domain/range';
import type { HitRange, SearchHit } from '../../../shared/domain/search-model';
import { parseQuery, type QueryTerm } from '../../../shared/domain/search-query';
import { foldedWords } from '../../../shared/domain/search-text';
import { matchKey } from '../../../shared/domain/normalize';
import { requireFound } from '../../../db/command-log';
import { conceptCount, getConcept, insertConcept } from '../../../db/codebook';
import type { WritableDB } from '../../../db/handles';
import type { CommandContext } from '../../../db/store';
import { getDocument, getDocumentText } from '../../../db/documents';
import { findSegment, insertSegment } from '../../../db/segments';
import { coderOfActor } from '../../../db/coders';
import {
  codedRanges,
  conceptSynonyms,
  insertRejection,
  refreshSearchIndex,
  rejectedRanges,
  replaceSynonyms,
  searchCorpus,
  wordFrequencies,
} from '../../../db/search';
import { requireStore } from '../backend';
import { checkConceptLabel } from './codebook';
import type { HandlerGroup } from './types';
import { short } from './types';

export const DEFAULT_SEARCH_LIMIT = 200;

function termsOf(query: string): QueryTerm[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new GroundworkError('invalid-input', parsed.error);
  return parsed.terms;
}

const SENTENCE_END = /[.!?؟۔…\n]/u;

/** Widens a range to the sentence(s) or paragraph(s) around it. */
export function extendRange(text: string, range: TextRange, to: 'sentence' | 'paragraph'): TextRange {
  let { start, end } = range;
  if (to === 'paragraph') {
    start = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    end = nl === -1 ? text.length : nl;
    return { start, end };
  }
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start -= 1;
  while (end < text.length && !SENTENCE_END.test(text[end - 1] ?? '')) end += 1;
  if (end > range.end && text[end - 1] === '\n') end -= 1;
  return { start, end };
}

/**
 * Codes passages with one concept (existing or new); skips what is already coded. Call inside the
 * command that codes them: the checks and the change see the same project.
 */
async function codeRanges(
  db: WritableDB,
  command: CommandContext,
  ranges: readonly HitRange[],
  concept: { conceptId?: ConceptId; newConcept?: { label: string; color?: string } },
  extend: 'hit' | 'sentence' | 'paragraph',
  describe: (label: string, n: number) => Message,
  coderId: CoderId | null = null,
) {
  const existing = concept.conceptId ? requireFound(await getConcept(db, concept.conceptId), 'That concept') : undefined;
  if (concept.newConcept) await checkConceptLabel(db, concept.newConcept.label);
  const label = existing?.label ?? concept.newConcept!.label;

  // Validate and prepare every passage before anything is written.
  const seen = new Set<string>();
  const prepared: { range: HitRange; text: string; before: string; after: string }[] = [];
  let skipped = 0;
  const byDoc = new Map<number, HitRange[]>();
  for (const r of ranges) {
    let list = byDoc.get(r.documentId);
    if (!list) byDoc.set(r.documentId, (list = []));
    list.push(r);
  }
  for (const [docId, list] of byDoc) {
    requireFound(await getDocument(db, list[0]!.documentId), 'That source');
    const text = (await getDocumentText(db, list[0]!.documentId))!;
    for (const hit of list) {
      const problem = rangeProblem(text, hit);
      if (problem) throw new GroundworkError('invalid-input', problem);
      const widened = extend === 'hit' ? hit : extendRange(text, hit, extend);
      const tight = tightenRange(text, widened);
      if (!tight) continue;
      const key = `${docId}:${tight.start}:${tight.end}`;
      if (seen.has(key) || (existing && (await findSegment(db, { documentId: hit.documentId, conceptId: existing.id, ...tight, coderId })))) {
        skipped += 1;
        continue;
      }
      seen.add(key);
      const context = contextAround(text, tight);
      prepared.push({ range: { documentId: hit.documentId, ...tight }, text: text.slice(tight.start, tight.end), before: context.before, after: context.after });
    }
  }
  if (prepared.length === 0) {
    // Nothing written: the command leaves no step.
    return { conceptId: existing?.id ?? null, coded: 0, skipped };
  }
  command.setLabel(describe(label, prepared.length));
  const id = existing?.id ?? (await insertConcept(db, { label, color: concept.newConcept?.color ?? paletteColor(await conceptCount(db)), inVivo: false }));
  for (const p of prepared) {
    await insertSegment(db, { ...p.range, conceptId: id, text: p.text, contextBefore: p.before, contextAfter: p.after, coderId });
  }
  return { conceptId: id, coded: prepared.length, skipped };
}

/** Each of a concept's label and synonyms as a search term (its words, as a phrase). */
function dictionaryTerms(label: string, synonyms: readonly string[]): { typed: string; term: QueryTerm }[] {
  const out: { typed: string; term: QueryTerm }[] = [];
  const keys = new Set<string>();
  for (const typed of [label, ...synonyms]) {
    const words = foldedWords(typed);
    const key = words.join(' ');
    if (words.length === 0 || keys.has(key)) continue;
    keys.add(key);
    out.push({ typed, term: { words, prefix: false, typed } });
  }
  return out;
}

const SUGGESTIONS_MAX = 1000;
/** Hits read per term (with their context) before coded and rejected ones are left out. */
const SUGGESTIONS_SCANNED = 5000;

export const searchHandlers = {
  'search.query': async ({ query, limit, documentIds }, backend) => {
    const store = requireStore(backend);
    const started = performance.now();
    const terms = termsOf(query);
    await refreshSearchIndex(store);
    const found = await store.read((db) => searchCorpus(db, terms, { limit: limit ?? DEFAULT_SEARCH_LIMIT, documentIds }));
    return {
      terms: terms.map((t) => t.typed),
      hits: found.hits,
      total: found.total,
      sources: found.sources,
      documents: found.documents,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  },
  'search.autocode': async ({ query, hits, documentIds, conceptId, newConcept, extend }, backend) => {
    const store = requireStore(backend);
    const terms = query !== undefined ? termsOf(query) : null;
    if (terms) await refreshSearchIndex(store);
    return store.write({ kind: 'search.autocode', label: say('Autocode') }, async (db, command) => {
      let ranges: HitRange[];
      if (terms) {
        ranges = (await searchCorpus(db, terms, { limit: 0, documentIds, allRanges: true })).ranges;
        if (ranges.length === 0) fail('invalid-input', 'Nothing in the sources matches “{query}”.', { query: short(query!) });
      } else {
        ranges = hits!;
      }
      return codeRanges(db, command, ranges, { conceptId, newConcept }, extend ?? 'hit', (label, n) =>
        terms
          ? sayCount(n, 'Autocode {n} hit of “{query}” with “{a}”', 'Autocode {n} hits of “{query}” with “{a}”', { query: short(query!), a: short(label) })
          : sayCount(n, 'Code {n} passage with “{a}”', 'Code {n} passages with “{a}”', { a: short(label) }),
        await coderOfActor(db, store.actor),
      );
    });
  },
  'synonym.list': ({ conceptId }, backend) =>
    requireStore(backend).read(async (db) => {
      requireFound(await getConcept(db, conceptId), 'That concept');
      return conceptSynonyms(db, conceptId);
    }),
  'synonym.set': ({ conceptId, terms }, backend) =>
    requireStore(backend).write({ kind: 'synonym.set', label: say('Set synonyms') }, async (db, command) => {
      const concept = requireFound(await getConcept(db, conceptId), 'That concept');
      const keys = new Set([matchKey(concept.label)]);
      const clean: string[] = [];
      for (const raw of terms) {
        const term = raw.replace(/\s+/gu, ' ').trim();
        const key = matchKey(term);
        if (!term || keys.has(key)) continue;
        if (foldedWords(term).length === 0) fail('invalid-input', '“{term}” holds no letters or digits to search for.', { term: short(term) });
        keys.add(key);
        clean.push(term);
      }
      command.setLabel(say('Set the synonyms of “{a}”', { a: short(concept.label) }));
      // The same list again changes no row, so it leaves no step.
      if ((await conceptSynonyms(db, conceptId)).join('\n') !== clean.join('\n')) await replaceSynonyms(db, conceptId, clean);
      return conceptSynonyms(db, conceptId);
    }),
  'suggestion.list': async ({ conceptId }, backend) => {
    const store = requireStore(backend);
    await refreshSearchIndex(store);
    return store.read(async (db) => {
      const concept = requireFound(await getConcept(db, conceptId), 'That concept');
      const terms = dictionaryTerms(concept.label, await conceptSynonyms(db, conceptId));
      const coded = await codedRanges(db, conceptId);
      const rejected = await rejectedRanges(db, conceptId);
      const seen = new Set<string>();
      let alreadyCoded = 0;
      let rejectedCount = 0;
      const suggestions: SearchHit[] = [];
      for (const { term } of terms) {
        const found = await searchCorpus(db, [term], { limit: SUGGESTIONS_SCANNED });
        for (const hit of found.hits) {
          const key = `${hit.documentId}:${hit.start}:${hit.end}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if ((coded.get(hit.documentId) ?? []).some((s) => s.start < hit.end && hit.start < s.end)) alreadyCoded += 1;
          else if (rejected.has(key)) rejectedCount += 1;
          else if (suggestions.length < SUGGESTIONS_MAX) suggestions.push(hit);
        }
      }
      suggestions.sort((a, b) => a.documentName.localeCompare(b.documentName) || a.documentId - b.documentId || a.start - b.start);
      return { terms: terms.map((t) => t.typed), suggestions, alreadyCoded, rejected: rejectedCount };
    });
  },
  'suggestion.reject': ({ conceptId, hits }, backend) =>
    requireStore(backend).write({ kind: 'suggestion.reject', label: say('Reject suggestions') }, async (db, command) => {
      const concept = requireFound(await getConcept(db, conceptId), 'That concept');
      for (const hit of hits) {
        const text = requireFound(await getDocumentText(db, hit.documentId), 'That source');
        const problem = rangeProblem(text, hit);
        if (problem) throw new GroundworkError('invalid-input', problem);
      }
      command.setLabel(sayCount(hits.length, 'Reject {n} suggestion for “{a}”', 'Reject {n} suggestions for “{a}”', { a: short(concept.label) }));
      let rejected = 0;
      for (const hit of hits) rejected += await insertRejection(db, conceptId, hit);
      return { rejected };
    }),
  'stats.wordFrequencies': async ({ documentIds, limit, stopWords }, backend) => {
    const store = requireStore(backend);
    await refreshSearchIndex(store);
    return store.read((db) => wordFrequencies(db, { documentIds, limit: limit ?? 100, excludeStopWords: stopWords ?? true }));
  },
} satisfies HandlerGroup<
  'search.query' | 'search.autocode' | 'synonym.list' | 'synonym.set' | 'suggestion.list' | 'suggestion.reject' | 'stats.wordFrequencies'
>;
