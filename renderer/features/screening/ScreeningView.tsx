// The Screening view: a fast table of every record with keyboard decisions (advance, include,
// exclude with a reason, next), bulk decisions on a selection, a stage filter; beside it the live
// PRISMA 2020 figures, duplicate flags, the project's exclusion reasons and corpus statistics.

import { useEffect, useMemo, useRef, useState } from 'react';
import { STAGES, titleKey, authorName, shortCitation, type RecordId, type Stage } from '../../../shared/domain/records';
import type { DocumentId } from '../../../shared/domain/ids';
import { num, plural, t, year } from '../../i18n/t';
import { useStore } from '../../state/store';
import { useCorpus, usePrismaFigures, useReasons, useRecords } from '../corpus/corpus-store';
import { stageLabel, typeLabel } from '../corpus/labels';
import { CorpusStatsSection } from '../corpus/CorpusStatsSection';
import { importFiles } from '../documents/import-files';
import { DuplicateFlags } from './DuplicateFlags';
import { PrismaFiguresView } from './PrismaFiguresView';
import { ReasonList } from './ReasonList';
import { sortRecords, type SortKey } from './sort-records';
import { RecordPreview } from './RecordPreview';

type Decision = 'advance' | 'include' | 'exclude';

/** Opens a record's details (and its source, if it has one) in the coding view. */
function openRecord(r: { id: RecordId; documentId: DocumentId | null }) {
  useCorpus.getState().setShowAllSources(true);
  const state = useStore.getState();
  if (r.documentId !== null) {
    state.setFocus({ kind: 'document', id: r.documentId });
    void state.openDocument(r.documentId);
  } else {
    state.setFocus({ kind: 'record', id: r.id });
    state.setView('coding');
  }
}

export function ScreeningView() {
  const records = useRecords();
  const reasons = useReasons();
  const prisma = usePrismaFigures();
  const run = useStore((s) => s.run);
  const [stage, setStage] = useState<Stage | ''>('');
  const [text, setText] = useState('');
  const [current, setCurrent] = useState<RecordId | null>(null);
  const [selected, setSelected] = useState<Set<RecordId>>(new Set());
  const [picking, setPicking] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'imported', descending: false });
  const table = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const visible = useMemo(() => {
    const key = titleKey(text);
    const shown = records.filter(
      (r) => (!stage || r.stage === stage) && (!key || titleKey(`${r.title} ${r.authors.map(authorName).join(' ')}`).includes(key)),
    );
    return sortRecords(shown, sort.key, sort.descending);
  }, [records, stage, text, sort]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="gw-sort-button"
        onClick={() => setSort(sort.key === key ? { key, descending: !sort.descending } : { key, descending: false })}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
  const index = visible.findIndex((r) => r.id === current);
  const targets = selected.size > 0 ? [...selected] : current !== null && index >= 0 ? [current] : [];

  useEffect(() => {
    if (index < 0 && visible.length > 0) setCurrent(visible[0]!.id);
  }, [index, visible]);
  useEffect(() => {
    table.current?.querySelector(`[data-record="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const move = (delta: number) => {
    if (visible.length === 0) return;
    const next = Math.min(visible.length - 1, Math.max(0, (index < 0 ? 0 : index) + delta));
    setCurrent(visible[next]!.id);
  };

  // The row the user is on now: a decision moves on to the next row only if the user has not
  // already moved elsewhere while it was being saved.
  const currentNow = useRef(current);
  currentNow.current = current;

  const decide = async (decision: Decision, reasonId?: number) => {
    if (targets.length === 0) return;
    const bulk = selected.size > 0;
    const decided = current;
    const next = index >= 0 && index + 1 < visible.length ? visible[index + 1]!.id : null;
    setPicking(false);
    const ok = await run('screening.decide', { ids: targets, decision, ...(reasonId !== undefined ? { reasonId } : {}) });
    if (ok === undefined) return;
    if (bulk) setSelected(new Set());
    else if (next !== null && currentNow.current === decided) setCurrent(next);
    table.current?.focus();
  };

  const onKey = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        setSelected(new Set(visible.map((r) => r.id)));
      }
      return;
    }
    const key = event.key.toLowerCase();
    if (picking) {
      const n = Number(event.key);
      if (Number.isInteger(n) && n >= 1 && n <= reasons.length) {
        event.preventDefault();
        void decide('exclude', reasons[n - 1]!.id);
      } else if (key === 'escape') setPicking(false);
      return;
    }
    const actions: Record<string, () => void> = {
      arrowdown: () => move(1),
      j: () => move(1),
      n: () => move(1),
      arrowup: () => move(-1),
      k: () => move(-1),
      a: () => void decide('advance'),
      enter: () => void decide('advance'),
      i: () => void decide('include'),
      x: () => targets.length > 0 && setPicking(true),
      ' ': () => {
        if (current === null) return;
        const next = new Set(selected);
        if (next.has(current)) next.delete(current);
        else next.add(current);
        setSelected(next);
      },
      escape: () => setSelected(new Set()),
      // O opens the highlighted record's details (and its source), as a double-click does.
      o: () => {
        const record = visible.find((r) => r.id === current);
        if (record) openRecord(record);
      },
    };
    const action = actions[key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const count = (s: Stage) => records.filter((r) => r.stage === s).length;

  return (
    <section className="gw-screening" aria-label={t('Screening')}>
      <div className="gw-screening-main">
        <header className="gw-table8-header">
          <div>
            <h2>{t('Screening')}</h2>
            <p className="gw-muted">
              {t('Records move identified → screened → eligible → included, or are excluded with a reason. A source imported on its own starts as included; a bibliography record starts as identified. Only included sources are offered for coding by default.')}
            </p>
          </div>
          <div className="gw-toolbar">
            <button
              type="button"
              className="gw-button"
              onClick={async () => {
                const record = await run('record.create', { title: t('Untitled record') });
                if (!record) return;
                useCorpus.getState().setShowAllSources(true);
                useStore.getState().setFocus({ kind: 'record', id: record.id });
                useStore.getState().setView('coding');
              }}
            >
              {t('+ Record')}
            </button>
            <button type="button" className="gw-button" onClick={() => fileInput.current?.click()}>
              {t('Import bibliography…')}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              multiple
              accept=".ris,.bib,.csv"
              data-testid="screening-bibliography-input"
              onChange={async (e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                await importFiles(files);
              }}
            />
          </div>
        </header>
        <div className="gw-row gw-stage-filter" role="group" aria-label={t('Filter by stage')}>
          <button type="button" className={stage === '' ? 'gw-chip gw-active' : 'gw-chip'} aria-pressed={stage === ''} onClick={() => setStage('')}>
            {t('All')} <span className="gw-muted">{num(records.length)}</span>
          </button>
          {STAGES.map((s) => (
            <button key={s} type="button" className={stage === s ? 'gw-chip gw-active' : 'gw-chip'} aria-pressed={stage === s} onClick={() => setStage(s)} data-stage={s}>
              {stageLabel(s)} <span className="gw-muted">{num(count(s))}</span>
            </button>
          ))}
          <input
            type="search"
            className="gw-input gw-grow"
            placeholder={t('Title or author…')}
            aria-label={t('Search records')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="gw-row gw-decisions">
          <span className="gw-muted">
            {selected.size > 0 ? plural(selected.size, '{n} record selected', '{n} records selected') : t('Decide on the highlighted record:')}
          </span>
          <button type="button" className="gw-button" disabled={targets.length === 0} onClick={() => void decide('advance')} title={t('A or Enter')}>
            {t('Advance')} <kbd>A</kbd>
          </button>
          <button type="button" className="gw-button gw-primary" disabled={targets.length === 0} onClick={() => void decide('include')} title="I">
            {t('Include')} <kbd>I</kbd>
          </button>
          <button type="button" className="gw-button gw-danger" disabled={targets.length === 0} onClick={() => setPicking(true)} title="X">
            {t('Exclude…')} <kbd>X</kbd>
          </button>
          <span className="gw-muted gw-keys">{t('↑/↓ or J/K move · Space selects · O opens · Ctrl+A selects all shown · Ctrl+Z undoes')}</span>
        </div>
        {picking && (
          <div className="gw-reason-picker" role="dialog" aria-label={t('Exclusion reason')}>
            <strong>{t('Exclude because:')}</strong>
            {reasons.map((r, i) => (
              <button key={r.id} type="button" className="gw-button" onClick={() => void decide('exclude', r.id)}>
                <kbd>{i + 1}</kbd> <bdi>{r.name}</bdi>
              </button>
            ))}
            <button type="button" className="gw-button" onClick={() => setPicking(false)}>
              {t('Cancel')} <kbd>Esc</kbd>
            </button>
          </div>
        )}
        <div className="gw-screening-table" ref={table} tabIndex={0} onKeyDown={onKey} aria-label={t('Records to screen')} data-testid="screening-table">
          <table className="gw-table">
            <thead>
              <tr>
                <th scope="col" aria-label={t('Selected')}>
                  <input
                    type="checkbox"
                    aria-label={t('Select all shown')}
                    checked={visible.length > 0 && visible.every((r) => selected.has(r.id))}
                    onChange={(e) => setSelected(e.target.checked ? new Set(visible.map((r) => r.id)) : new Set())}
                  />
                </th>
                {header('title', t('Title'))}
                {header('authors', t('Authors'))}
                {header('year', t('Year'))}
                {header('type', t('Type'))}
                <th scope="col">{t('Full text')}</th>
                {header('stage', t('Stage'))}
              </tr>
            </thead>
            <tbody>
              {visible.map((r) => (
                <tr
                  key={r.id}
                  data-record={r.id}
                  data-stage={r.stage}
                  className={[r.id === current ? 'gw-current' : '', selected.has(r.id) ? 'gw-selected' : ''].join(' ')}
                  aria-current={r.id === current ? 'true' : undefined}
                  onClick={() => setCurrent(r.id)}
                  onDoubleClick={() => openRecord(r)}
                  title={t('Double-click to open its details')}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('Select “{title}”', { title: r.title })}
                      checked={selected.has(r.id)}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(r.id);
                        else next.delete(r.id);
                        setSelected(next);
                      }}
                    />
                  </td>
                  <td dir="auto" className="gw-title-cell">
                    <bdi>{r.title}</bdi>
                  </td>
                  <td dir="auto">
                    <bdi>{r.authors.length > 0 ? shortCitation({ ...r, year: null }).replace(/[,،] (n\.d\.|بی‌تا)$/, '') : '—'}</bdi>
                  </td>
                  <td>{r.year === null ? '—' : year(r.year)}</td>
                  <td>{typeLabel(r.type)}</td>
                  <td>{r.documentId !== null ? t('yes') : <span className="gw-no-text-tag">{t('no full text')}</span>}</td>
                  <td>
                    <span className={`gw-stage gw-stage-${r.stage}`}>{stageLabel(r.stage)}</span>
                    {r.reasonName && <bdi className="gw-muted"> · {t(r.reasonName)}</bdi>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {visible.length === 0 && <p className="gw-empty">{t('No records here. Import a bibliography (RIS, BibTeX or CSV) or sources.')}</p>}
        </div>
        {index >= 0 && <RecordPreview record={visible[index]!} />}
      </div>
      <aside className="gw-screening-side">
        {prisma && <PrismaFiguresView figures={prisma} />}
        <DuplicateFlags />
        <ReasonList />
        <CorpusStatsSection />
      </aside>
    </section>
  );
}
