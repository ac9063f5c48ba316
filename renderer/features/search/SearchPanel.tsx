// Corpus search: a query box, the hits as keyword-in-context lines grouped by source, and
// autocoding of every hit (or the picked ones) with a concept in one undoable step. The same panel
// lists a concept's dictionary suggestions for accepting or rejecting. Up/Down move between the
// hits, Enter opens the source at one.

import { useMemo, useState } from 'react';
import { moveFocus } from '../../components/arrow-focus';
import type { HitRange, SearchHit } from '../../../shared/domain/search-model';
import { num, plural, t } from '../../i18n/t';
import { useCodebook, useConcepts, useDocuments } from '../../state/project-data';
import { useStore } from '../../state/store';
import { ConceptPicker, type Pick } from '../coding/ConceptPicker';
import { hitKey, openHit, rangeOf, scopeFilter, useSearch } from './search-store';
import { SearchHighlights } from './SearchHighlights';
import './search.css';

type Extend = 'hit' | 'sentence' | 'paragraph';

/** One keyword-in-context line: the hit highlighted between its context, in the paragraph's direction. */
function KwicLine({ hit, picked, onPick, actions }: { hit: SearchHit; picked: boolean; onPick(): void; actions?: React.ReactNode }) {
  return (
    <li className="gw-kwic">
      <input type="checkbox" checked={picked} onChange={onPick} aria-label={t('Pick this hit')} />
      <button
        type="button"
        className="gw-kwic-line"
        dir={hit.dir}
        data-user-text
        onClick={() => void openHit(hit)}
        title={t('Open the source at this passage')}
      >
        <span className="gw-kwic-before">{hit.before}</span>
        <mark className="gw-kwic-hit">{hit.text}</mark>
        <span className="gw-kwic-after">{hit.after}</span>
      </button>
      {actions}
    </li>
  );
}

/** Hits grouped by source, in the order the backend lists them. */
function groupBySource(hits: readonly SearchHit[]) {
  const groups: { documentId: number; name: string; hits: SearchHit[] }[] = [];
  for (const hit of hits) {
    const last = groups[groups.length - 1];
    if (last && last.documentId === hit.documentId) last.hits.push(hit);
    else groups.push({ documentId: hit.documentId, name: hit.documentName, hits: [hit] });
  }
  return groups;
}

function AutocodeBar({ hits, total, onCode }: { hits: HitRange[] | null; total: number; onCode(pick: Pick, extend: Extend): void }) {
  const codebook = useCodebook();
  const [picking, setPicking] = useState(false);
  const [extend, setExtend] = useState<Extend>('hit');
  return (
    <div className="gw-autocode">
      <div className="gw-row">
        <button type="button" className="gw-button gw-primary" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
          {hits ? plural(hits.length, 'Code {n} picked hit…', 'Code {n} picked hits…') : plural(total, 'Code the hit…', 'Code all {n} hits…')}
        </button>
        <select className="gw-select" value={extend} onChange={(e) => setExtend(e.target.value as Extend)} aria-label={t('What to code')}>
          <option value="hit">{t('the words found')}</option>
          <option value="sentence">{t('their sentences')}</option>
          <option value="paragraph">{t('their paragraphs')}</option>
        </select>
      </div>
      {picking && (
        <ConceptPicker
          concepts={codebook.concepts}
          autoFocus
          placeholder={t('Code with concept: type to find or create')}
          onCancel={() => setPicking(false)}
          onPick={(pick) => {
            setPicking(false);
            onCode(pick, extend);
          }}
        />
      )}
    </div>
  );
}

async function autocode(input: { query: string; documentIds?: number[] } | { hits: HitRange[] }, pick: Pick, extend: Extend) {
  const { run, toast, setFocus } = useStore.getState();
  const result = await run('search.autocode', {
    ...input,
    ...(pick.kind === 'existing' ? { conceptId: pick.concept.id } : { newConcept: { label: pick.label } }),
    extend,
  });
  if (!result) return;
  const label = pick.kind === 'existing' ? pick.concept.label : pick.label;
  const coded = plural(result.coded, 'Coded {n} passage with “{label}”.', 'Coded {n} passages with “{label}”.', { label });
  const skipped =
    result.skipped > 0 ? ` ${plural(result.skipped, 'Skipped {n} passage already coded with it.', 'Skipped {n} passages already coded with it.')}` : '';
  toast('info', coded + skipped);
  if (result.conceptId !== null) setFocus({ kind: 'concept', id: result.conceptId });
}

function SearchResults() {
  const { result, picked, togglePick, setPicked, more, loading, query, scope } = useSearch();
  const groups = useMemo(() => groupBySource(result?.hits ?? []), [result]);
  if (!result) return null;
  const pickedHits = result.hits.filter((h) => picked.has(hitKey(h))).map(rangeOf);
  return (
    <>
      <p className="gw-search-summary" role="status">
        {result.total === 0
          ? t('No hits.')
          : t('{hits} in {sources} · {ms} ms', {
              hits: plural(result.total, '{n} hit', '{n} hits'),
              sources: plural(result.sources, '{n} source', '{n} sources'),
              ms: Math.round(result.tookMs),
            })}
      </p>
      {result.total > 0 && (
        <AutocodeBar
          hits={pickedHits.length > 0 ? pickedHits : null}
          total={result.total}
          onCode={(pick, extend) =>
            void autocode(pickedHits.length > 0 ? { hits: pickedHits } : { query, ...scopeFilter(scope) }, pick, extend)
          }
        />
      )}
      {result.total > 0 && (
        <div className="gw-row gw-search-picks">
          <button type="button" className="gw-link" onClick={() => setPicked(result.hits.map(hitKey))}>
            {t('Pick all shown')}
          </button>
          {picked.size > 0 && (
            <button type="button" className="gw-link" onClick={() => setPicked([])}>
              {t('Pick none')}
            </button>
          )}
        </div>
      )}
      <div className="gw-search-results" onKeyDown={(event) => moveFocus(event, event.currentTarget, ".gw-kwic-line")}>
        {groups.map((group) => (
          <section key={group.documentId} className="gw-search-group" aria-label={group.name}>
            <h3 className="gw-search-source">
              <bdi>{group.name}</bdi>
              <span className="gw-muted gw-count">{num(result.documents.find((d) => d.documentId === group.documentId)?.hits ?? group.hits.length)}</span>
            </h3>
            <ul className="gw-kwic-list">
              {group.hits.map((hit) => (
                <KwicLine key={hitKey(hit)} hit={hit} picked={picked.has(hitKey(hit))} onPick={() => togglePick(hit)} />
              ))}
            </ul>
          </section>
        ))}
        {result.hits.length < result.total && (
          <button type="button" className="gw-button gw-search-more" disabled={loading} onClick={() => void more()}>
            {t('Show more ({shown} of {total} shown)', { shown: result.hits.length, total: result.total })}
          </button>
        )}
      </div>
    </>
  );
}

function Suggestions() {
  const { suggestions, suggestionsFor, picked, togglePick, setPicked, reloadSuggestions, loading } = useSearch();
  const codebook = useCodebook();
  const run = useStore((s) => s.run);
  const concept = codebook.concepts.find((c) => c.id === suggestionsFor);
  const groups = useMemo(() => groupBySource(suggestions?.suggestions ?? []), [suggestions]);
  if (!concept) return <p className="gw-empty">{t('The concept is gone.')}</p>;
  if (!suggestions) return <p className="gw-empty">{loading ? t('Searching…') : ''}</p>;
  const chosen = suggestions.suggestions.filter((h) => picked.has(hitKey(h))).map(rangeOf);
  const all = suggestions.suggestions.map(rangeOf);
  const accept = async (hits: HitRange[]) => {
    const result = await run('search.autocode', { hits, conceptId: concept.id });
    if (result) useStore.getState().toast('info', plural(result.coded, 'Accepted {n} suggestion.', 'Accepted {n} suggestions.'));
    setPicked([]);
    await reloadSuggestions();
  };
  const reject = async (hits: HitRange[]) => {
    await run('suggestion.reject', { conceptId: concept.id, hits });
    setPicked([]);
    await reloadSuggestions();
  };
  const target = chosen.length > 0 ? chosen : all;
  return (
    <>
      <p className="gw-search-summary" role="status">
        {t('Searched for: {terms}', { terms: suggestions.terms.join(' · ') })}
        <br />
        {plural(suggestions.suggestions.length, '{n} suggestion', '{n} suggestions')}
        {suggestions.alreadyCoded > 0 && <> · {plural(suggestions.alreadyCoded, '{n} already coded', '{n} already coded')}</>}
        {suggestions.rejected > 0 && <> · {plural(suggestions.rejected, '{n} rejected before', '{n} rejected before')}</>}
      </p>
      {all.length > 0 && (
        <div className="gw-row gw-search-picks">
          <button type="button" className="gw-button gw-primary" onClick={() => void accept(target)}>
            {chosen.length > 0 ? plural(chosen.length, 'Accept {n} picked', 'Accept {n} picked') : t('Accept all')}
          </button>
          <button type="button" className="gw-button" onClick={() => void reject(target)}>
            {chosen.length > 0 ? plural(chosen.length, 'Reject {n} picked', 'Reject {n} picked') : t('Reject all')}
          </button>
        </div>
      )}
      <div className="gw-search-results" onKeyDown={(event) => moveFocus(event, event.currentTarget, ".gw-kwic-line")}>
        {groups.map((group) => (
          <section key={group.documentId} className="gw-search-group" aria-label={group.name}>
            <h3 className="gw-search-source">
              <bdi>{group.name}</bdi>
              <span className="gw-muted gw-count">{num(group.hits.length)}</span>
            </h3>
            <ul className="gw-kwic-list">
              {group.hits.map((hit) => (
                <KwicLine
                  key={hitKey(hit)}
                  hit={hit}
                  picked={picked.has(hitKey(hit))}
                  onPick={() => togglePick(hit)}
                  actions={
                    <span className="gw-kwic-actions">
                      <button type="button" className="gw-icon-button" title={t('Accept: code this passage')} aria-label={t('Accept')} onClick={() => void accept([rangeOf(hit)])}>
                        ✓
                      </button>
                      <button type="button" className="gw-icon-button" title={t('Reject: never suggest it again')} aria-label={t('Reject')} onClick={() => void reject([rangeOf(hit)])}>
                        ✕
                      </button>
                    </span>
                  }
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

export function SearchPanel() {
  const { mode, query, setQuery, search, show, error, loading, suggestionsFor, scope, setScope } = useSearch();
  const documents = useDocuments();
  const concept = useConcepts().find((c) => c.id === suggestionsFor);
  return (
    <section className="gw-panel gw-search" aria-label={t('Search')}>
      <header className="gw-panel-header">
        <h2>{mode === 'search' ? t('Search the sources') : t('Suggestions for “{label}”', { label: concept?.label ?? '' })}</h2>
        <button type="button" className="gw-icon-button" aria-label={t('Close search')} title={t('Close search')} onClick={() => show(false)}>
          ×
        </button>
      </header>
      {mode === 'suggestions' && (
        <p className="gw-search-back">
          <button type="button" className="gw-link" onClick={() => useSearch.setState({ mode: 'search', picked: new Set() })}>
            {t('Back to the search')}
          </button>
        </p>
      )}
      {mode === 'search' && (
        <>
          <form
            className="gw-search-form"
            onSubmit={(event) => {
              event.preventDefault();
              void search(query);
            }}
          >
            <input
              className="gw-input"
              type="search"
              dir="auto"
              value={query}
              autoFocus
              aria-label={t('Search words')}
              placeholder={t('Words to find')}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="gw-button" disabled={loading || !query.trim()}>
              {t('Search')}
            </button>
          </form>
          <div className="gw-search-scope">
            <select
              className="gw-select"
              value={scope}
              aria-label={t('Sources searched')}
              onChange={(e) => {
                setScope(e.target.value === 'included' ? 'included' : (Number(e.target.value) as typeof scope));
                if (query.trim()) void search(query);
              }}
            >
              <option value="included">{t('In the included sources')}</option>
              <option value={0}>{t('In every source')}</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <details className="gw-search-syntax">
            <summary>{t('How to search')}</summary>
            <ul>
              <li>{t('word: the whole word; word*: words that start with it')}</li>
              <li>{t('"two words": the words next to each other, in this order')}</li>
              <li>{t('several words: sources holding every one; each occurrence is a hit')}</li>
              <li>{t('Arabic and Persian letter forms (ي/ی, ك/ک, ة/ه, أ/ا), ZWNJ, harakat, tatweel and digit sets compare alike.')}</li>
            </ul>
          </details>
        </>
      )}
      {error && <p className="gw-search-error" role="alert">{error}</p>}
      {mode === 'search' ? <SearchResults /> : <Suggestions />}
      <SearchHighlights />
    </section>
  );
}
