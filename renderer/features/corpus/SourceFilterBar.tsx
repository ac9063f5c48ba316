// Filter and sort controls of the Sources panel. "Included only" is the default: only included
// sources are offered for coding; the rule for new sources is stated beside it.

import { useState } from 'react';
import { RECORD_TYPES, STAGES, type RecordSummary } from '../../../shared/domain/records';
import { t } from '../../i18n/t';
import { stageLabel, typeLabel } from './labels';
import { languagesOf, type SourceFilter } from './source-filter';

interface Props {
  filter: SourceFilter;
  records: RecordSummary[];
  hidden: number;
  onChange(filter: SourceFilter): void;
}

const yearValue = (value: string) => (/^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : null);

export function SourceFilterBar({ filter, records, hidden, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const set = (changes: Partial<SourceFilter>) => onChange({ ...filter, ...changes });
  return (
    <div className="gw-source-filter">
      <div className="gw-row">
        <label className="gw-check" title={t('A source imported on its own starts as included; a bibliography record starts as identified and is screened in the Screening view.')}>
          <input type="checkbox" checked={filter.showAll} onChange={(e) => set({ showAll: e.target.checked })} data-testid="show-all-sources" />
          {t('Show all records')}
        </label>
        <input
          type="search"
          className="gw-input gw-grow"
          placeholder={t('Title or author…')}
          aria-label={t('Filter sources by title or author')}
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <button type="button" className="gw-small-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('Filter')}
        </button>
      </div>
      {!filter.showAll && hidden > 0 && (
        <p className="gw-muted gw-hint" data-testid="hidden-sources">
          {t('Only included sources are offered for coding; {n} other(s) hidden.', { n: hidden })}
        </p>
      )}
      {open && (
        <div className="gw-filter-grid">
          <label>
            {t('Stage')}
            <select value={filter.stage} onChange={(e) => set({ stage: e.target.value as SourceFilter['stage'], showAll: e.target.value !== '' || filter.showAll })}>
              <option value="">{t('any')}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {stageLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Type')}
            <select value={filter.type} onChange={(e) => set({ type: e.target.value as SourceFilter['type'] })}>
              <option value="">{t('any')}</option>
              {RECORD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeLabel(type)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Language')}
            <select value={filter.language} onChange={(e) => set({ language: e.target.value })}>
              <option value="">{t('any')}</option>
              {languagesOf(records).map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Years')}
            <span className="gw-row">
              <input className="gw-input gw-year" inputMode="numeric" aria-label={t('From year')} value={filter.yearFrom ?? ''} onChange={(e) => set({ yearFrom: yearValue(e.target.value) })} />
              –
              <input className="gw-input gw-year" inputMode="numeric" aria-label={t('To year')} value={filter.yearTo ?? ''} onChange={(e) => set({ yearTo: yearValue(e.target.value) })} />
            </span>
          </label>
          <label>
            {t('Sort by')}
            <span className="gw-row">
              <select value={filter.sort} onChange={(e) => set({ sort: e.target.value as SourceFilter['sort'] })}>
                <option value="name">{t('name')}</option>
                <option value="author">{t('first author')}</option>
                <option value="year">{t('year')}</option>
                <option value="type">{t('type')}</option>
                <option value="stage">{t('stage')}</option>
              </select>
              <button type="button" className="gw-small-button" aria-label={t('Reverse the order')} onClick={() => set({ descending: !filter.descending })}>
                {filter.descending ? '↓' : '↑'}
              </button>
            </span>
          </label>
        </div>
      )}
    </div>
  );
}
