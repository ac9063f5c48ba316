// The maturity model view: the matrix of dimensions × levels with the dimension and mapping
// editor, the levels editor, and self-assessments (ratings, levels by the stated rule, radar,
// comparison). Exports and imports the model; labels in Persian or English as the top bar's
// label setting says.

import { useRef, useState } from 'react';
import { onTabListKeys } from '../../components/arrow-focus';
import type { AssessmentId, DimensionId } from '../../../shared/domain/maturity';
import { api } from '../../api/client';
import { confirmAction } from '../../components/confirm';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import '../../styles/maturity.css';
import { AssessmentPanel } from './AssessmentPanel';
import { DimensionEditor } from './DimensionEditor';
import { MIME, saveBase64, saveText } from './files';
import { LevelsEditor } from './LevelsEditor';
import { MaturityMatrix } from './MaturityMatrix';
import { type LabelLang, useAssessment, useMaturity } from './use-maturity';
import { useLabelLanguage } from '../study/labels';

type Tab = 'model' | 'levels' | 'assessment';

export function MaturityView() {
  const { model, assessments } = useMaturity();
  const run = useStore((s) => s.run);
  const toast = useStore((s) => s.toast);
  const [tab, setTab] = useState<Tab>('model');
  // Labels follow the one setting of the top bar (Labels فارسی | English).
  const lang: LabelLang = useLabelLanguage((s) => s.lang);
  const [selected, setSelected] = useState<DimensionId | null>(null);
  const [assessmentId, setAssessmentId] = useState<AssessmentId | null>(null);
  const assessment = useAssessment(assessmentId && assessments.some((a) => a.id === assessmentId) ? assessmentId : null);
  const importInput = useRef<HTMLInputElement>(null);
  if (!model) return null;

  const exportModel = async (kind: 'json' | 'csv' | 'xlsx') => {
    try {
      if (kind === 'json') {
        const f = await api.call('maturity.exportJson', {});
        saveText(f.filename, f.text, MIME.json);
      } else if (kind === 'csv') {
        const f = await api.call('maturity.exportCsv', { labels: lang });
        saveText(f.filename, f.text, MIME.csv);
      } else {
        const f = await api.call('maturity.exportXlsx', { labels: lang });
        saveBase64(f.filename, f.dataBase64, MIME.xlsx);
      }
    } catch (error) {
      toast('error', (error as Error).message);
    }
  };

  const importModel = async (file: File) => {
    const yes = await confirmAction({
      title: t('Import a maturity model'),
      message: t('The levels and dimensions of {file} replace those of this project; ratings already given in assessments are removed. Undo brings everything back.', {
        file: file.name,
      }),
      confirmLabel: t('Import'),
    });
    if (!yes) return;
    const result = await run('maturity.import', { json: await file.text() });
    if (!result) return;
    toast(
      'info',
      result.unmatched.length > 0
        ? t('Imported {l} levels and {d} dimensions. Not in this project, so not mapped: {names}', {
            l: result.levels,
            d: result.dimensions,
            names: result.unmatched.join('، '),
          })
        : t('Imported {l} levels and {d} dimensions.', { l: result.levels, d: result.dimensions }),
    );
  };

  const tabButton = (key: Tab, label: string) => (
    <button type="button" role="tab" data-tab={key} aria-selected={tab === key} tabIndex={tab === key ? 0 : -1} className={tab === key ? 'gw-tab gw-active' : 'gw-tab'} onClick={() => setTab(key)}>
      {label}
    </button>
  );

  return (
    <section className="gw-maturity" aria-label={t('Maturity model')} lang={lang === 'fa' ? 'fa' : undefined}>
      <header className="gw-maturity-header">
        <div>
          <h2>{t('Maturity model')}</h2>
          <p className="gw-muted">
            {t('Dimensions × maturity levels. A dimension’s assessment items are the concepts filed under its main categories (their sub-categories included), each counted once.')}
          </p>
        </div>
        <div className="gw-toolbar">
          <button type="button" className="gw-button" onClick={() => void exportModel('json')}>
            {t('Export model (JSON)')}
          </button>
          <button type="button" className="gw-button" onClick={() => void exportModel('csv')}>
            CSV
          </button>
          <button type="button" className="gw-button" onClick={() => void exportModel('xlsx')}>
            XLSX
          </button>
          <button type="button" className="gw-button" onClick={() => importInput.current?.click()}>
            {t('Import model…')}
          </button>
          <input
            ref={importInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="maturity-import-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importModel(file);
            }}
          />
        </div>
      </header>
      <nav className="gw-tabs gw-maturity-tabs" role="tablist" aria-label={t('Maturity model parts')} onKeyDown={onTabListKeys}>
        {tabButton('model', t('Dimensions and mapping'))}
        {tabButton('levels', t('Levels'))}
        {tabButton('assessment', t('Self-assessment'))}
      </nav>
      {tab === 'model' && (
        <div className="gw-maturity-model">
          <MaturityMatrix model={model} lang={lang} selected={selected} onSelect={setSelected} assessment={assessment} />
          <DimensionEditor model={model} lang={lang} selected={selected} onSelect={setSelected} />
        </div>
      )}
      {tab === 'levels' && <LevelsEditor model={model} lang={lang} />}
      {tab === 'assessment' && (
        <AssessmentPanel
          model={model}
          lang={lang}
          assessments={assessments}
          assessment={assessment}
          onOpen={setAssessmentId}
        />
      )}
    </section>
  );
}
