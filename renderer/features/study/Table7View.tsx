// Table 7 as the study prints it: per paradigm component its dimensions, each dimension's category
// rows, and each row's concepts, in the chosen label language with the other beside or on hover.
// Each concept shows its final codes and opens its retrieved segments; a row's parse notes (repairs,
// open-ended lists "…") are one click away.

import './study.css';
import { useMemo, useState } from 'react';
import type { Category, Concept } from '../../../shared/domain/model';
import { COMPONENT_KEYS } from '../../../shared/domain/paradigm';
import type { DimensionInfo } from '../../../shared/domain/study';
import { num, t } from '../../i18n/t';
import { useCodebook } from '../../state/project-data';
import { studyNote } from '../../i18n/message';
import { useStore } from '../../state/store';
import { categoryGloss, categoryLabel, componentGloss, componentLabel, conceptGloss, conceptLabel, glossed, useLabelLanguage } from './labels';
import { useStudy } from './useStudy';

interface RowNotes {
  openEnded?: boolean;
  parseNotes?: string[];
  table7Lines?: number[];
  internalEtcMarkers?: unknown;
}

export function Table7View() {
  const study = useStudy();
  const codebook = useCodebook();
  const lang = useLabelLanguage((s) => s.lang);
  const setFocus = useStore((s) => s.setFocus);
  const setView = useStore((s) => s.setView);
  const [notesOf, setNotesOf] = useState<number | null>(null);

  const byCategory = useMemo(() => {
    const concepts = new Map(codebook.concepts.map((c) => [c.id as number, c]));
    const out = new Map<number, Concept[]>();
    for (const f of codebook.filings) {
      const c = concepts.get(f.conceptId);
      if (!c) continue;
      const list = out.get(f.categoryId) ?? [];
      list.push(c);
      out.set(f.categoryId, list);
    }
    for (const list of out.values()) list.sort((a, b) => (a.code ?? a.label).localeCompare(b.code ?? b.label));
    return out;
  }, [codebook]);
  const categories = useMemo(() => new Map(codebook.categories.map((c) => [c.id as number, c])), [codebook]);

  if (!study) return null;
  const dimensions = study.dimensions;
  const rowCount = dimensions.reduce((n, d) => n + d.categoryIds.length, 0);

  const openConcept = (concept: Concept) => {
    setFocus({ kind: 'concept', id: concept.id });
    setView('coding');
  };

  const row = (d: DimensionInfo, category: Category, first: boolean) => {
    const notes = (category.notes ?? {}) as RowNotes;
    const concepts = byCategory.get(category.id) ?? [];
    const gloss = categoryGloss(category, lang);
    return (
      <tr key={category.id} data-code={category.code ?? undefined} className="gw-t7-row">
        <td className="gw-t7-concepts">
          <ul className="gw-t7-concept-list" dir={lang === 'fa' ? 'rtl' : 'ltr'}>
            {concepts.map((c) => (
              <li key={c.id}>
                <button type="button" className="gw-t7-concept" title={[conceptGloss(c, lang), c.code].filter(Boolean).join(' · ')} onClick={() => openConcept(c)}>
                  <span className="gw-swatch" style={{ background: c.color }} />
                  <bdi>{conceptLabel(c, lang)}</bdi>
                  <span className={c.segmentCount > 0 ? 'gw-count gw-count-on' : 'gw-count'} aria-label={t('{n} final codes', { n: c.segmentCount })}>
                    {num(c.segmentCount)}
                  </span>
                </button>
              </li>
            ))}
            {notes.openEnded && (
              <li className="gw-muted" title={t('The printed list ends with “and so on”: it is open-ended.')}>
                …
              </li>
            )}
          </ul>
        </td>
        <th scope="row" className="gw-t7-category" dir={lang === 'fa' ? 'rtl' : 'ltr'}>
          <bdi>{categoryLabel(category, lang)}</bdi>
          {gloss && <span className="gw-gloss gw-block" dir="auto" data-user-text>{gloss}</span>}
          <span className="gw-code gw-muted" dir="ltr">{category.code}</span>
          {(notes.parseNotes?.length ?? 0) > 0 && (
            <button
              type="button"
              className="gw-link gw-small"
              aria-expanded={notesOf === category.id}
              onClick={() => setNotesOf(notesOf === category.id ? null : category.id)}
            >
              {t('Parse notes')}
            </button>
          )}
          {notesOf === category.id && (
            <ul className="gw-parse-notes gw-small">
              {notes.parseNotes!.map((n, i) => (
                <li key={i}>{studyNote(n)}</li>
              ))}
            </ul>
          )}
        </th>
        {first && (
          <td className="gw-t7-dimension" rowSpan={d.categoryIds.length} dir={lang === 'fa' ? 'rtl' : 'ltr'}>
            <bdi>{glossed(d, lang)}</bdi>
            <span className="gw-gloss gw-block" dir="auto" data-user-text>{lang === 'fa' ? d.labelEn : d.labelFa}</span>
            <span className="gw-code gw-muted" dir="ltr">{d.code}</span>
          </td>
        )}
      </tr>
    );
  };

  return (
    <section className="gw-table7" aria-label={t('Table 7: components, dimensions, categories and concepts')}>
      <header className="gw-table8-header">
        <div>
          <h2>{t('Table 7: dimensions, categories and concepts')}</h2>
          <p className="gw-muted">
            {dimensions.length === 0
              ? t('This project has no dimensions. A project reproducing a study (such as the B2B marketing maturity model on the start screen) lists here each component’s dimensions, their category rows and their concepts.')
              : t('{d} dimensions, {r} category rows, as the study prints them. Click a concept to see its coded segments; the number beside it is its final codes.', {
                  d: dimensions.length,
                  r: rowCount,
                })}
          </p>
        </div>
      </header>
      {COMPONENT_KEYS.map((key) => {
        const own = dimensions.filter((d) => d.component === key);
        if (own.length === 0) return null;
        return (
          <section key={key} className="gw-t7-component" data-component={key}>
            <h3>
              <bdi>{componentLabel(key, lang)}</bdi> <span className="gw-gloss" data-user-text>{componentGloss(key, lang)}</span>
            </h3>
            <table className="gw-table gw-t7" data-testid={`table7-${key}`}>
              <thead>
                <tr>
                  <th scope="col">{t('Concepts')}</th>
                  <th scope="col">{t('Category')}</th>
                  <th scope="col">{t('Dimension')}</th>
                </tr>
              </thead>
              <tbody>
                {own.flatMap((d) =>
                  d.categoryIds
                    .map((id) => categories.get(id))
                    .filter((c): c is Category => c !== undefined)
                    .map((c, i) => row(d, c, i === 0)),
                )}
              </tbody>
            </table>
          </section>
        );
      })}
    </section>
  );
}
