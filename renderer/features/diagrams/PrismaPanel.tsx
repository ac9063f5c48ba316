// The Screening (PRISMA) tab: the flow diagram from the live screening counts or a study's
// reported figures when the project has them, or from figures typed in here (blank = not
// reported). Typed figures draw and export the diagram; they last for the tab's session and are
// not saved in the project.

import { useRef, useState } from 'react';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import type { Measure } from '../../charts/text-layout';
import { FIELDS, usePrismaChoice, type NumberField } from './texts';
import { t } from '../../i18n/t';
import { ExportButtons } from './ExportButtons';
import { PrismaDiagram } from './PrismaDiagram';
import { EMPTY_PRISMA, type PrismaSources } from './prisma-source';

type Which = 'live' | 'reported' | 'typed';


/** "593" → 593; "" → null (not reported); anything else → undefined (refused). */
const parseFigure = (text: string): number | null | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : undefined;
};

export function PrismaPanel({ sources, measure, rtl, projectName }: { sources: PrismaSources; measure: Measure; rtl: boolean; projectName: string }) {
  const svg = useRef<SVGSVGElement>(null);
  // Until the user picks, the best source available is shown (sources may arrive after the first
  // render): a study's reported figures first (what a replication sets out to see), else the live ones.
  const { choice, setChoice: setWhich } = usePrismaChoice();
  const which: Which = choice === 'live' && sources.live ? 'live' : choice === 'reported' && sources.reported ? 'reported' : choice === 'typed' ? 'typed' : sources.reported ? 'reported' : sources.live ? 'live' : 'typed';
  // Typed figures last for this tab's session (switching views keeps them), never in the project.
  const storageKey = `groundwork.prismaTyped:${projectName}`;
  const [stored, setStored] = useState<{ typed: Record<NumberField, string>; reasons: string }>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as { typed: Record<NumberField, string>; reasons: string } | null;
      if (saved && typeof saved.reasons === 'string' && saved.typed) return saved;
    } catch {
      // a damaged entry is ignored
    }
    const from = sources.reported ?? EMPTY_PRISMA;
    return {
      typed: Object.fromEntries(FIELDS.map((f) => [f.key, from[f.key] === null ? '' : String(from[f.key])])) as Record<NumberField, string>,
      reasons: '',
    };
  });
  const { typed, reasons } = stored;
  const keep = (next: typeof stored) => {
    setStored(next);
    sessionStorage.setItem(storageKey, JSON.stringify(next));
  };
  const setTyped = (next: Record<NumberField, string>) => keep({ typed: next, reasons });
  const setReasons = (next: string) => keep({ typed, reasons: next });

  const parsedReasons = reasons
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)[\s:=]+(\d{1,7})$/.exec(line);
      return match ? { reason: match[1]!.trim(), count: Number(match[2]) } : null;
    });
  const invalid = FIELDS.filter((f) => parseFigure(typed[f.key]) === undefined);
  const badReasons = parsedReasons.some((r) => r === null);
  const typedFigures: PrismaFigures = {
    ...EMPTY_PRISMA,
    ...Object.fromEntries(FIELDS.map((f) => [f.key, parseFigure(typed[f.key]) ?? null])),
    excludedAtEligibility: parsedReasons.length && !badReasons ? (parsedReasons as { reason: string; count: number }[]) : null,
  };
  const figures = which === 'live' ? sources.live : which === 'reported' ? sources.reported : typedFigures;

  return (
    <>
      <div className="gw-diagram-bar">
        <div className="gw-toolbar" role="radiogroup" aria-label={t('Figures')}>
          {sources.live && (
            <label>
              <input type="radio" checked={which === 'live'} onChange={() => setWhich('live')} /> {t('Live screening counts')}
            </label>
          )}
          {sources.reported && (
            <label>
              <input type="radio" checked={which === 'reported'} onChange={() => setWhich('reported')} /> {t('As the study reports them')}
            </label>
          )}
          <label>
            <input type="radio" checked={which === 'typed'} onChange={() => setWhich('typed')} /> {t('Figures typed in')}
          </label>
        </div>
        {figures && <ExportButtons svg={svg} name={t('{project} - PRISMA flow diagram', { project: projectName })} />}
      </div>
      {which === 'typed' && (
        <fieldset className="gw-prisma-form">
          <legend>{t('Figures of the flow diagram (leave a field blank when the study does not report it; not saved in the project)')}</legend>
          {FIELDS.map((f) => (
            <label key={f.key}>
              <span>{t(f.label)}</span>
              <input
                inputMode="numeric"
                value={typed[f.key]}
                aria-invalid={parseFigure(typed[f.key]) === undefined}
                onChange={(e) => setTyped({ ...typed, [f.key]: e.target.value })}
              />
            </label>
          ))}
          <label className="gw-prisma-reasons">
            <span>{t('Reports excluded, one reason a line: “reason: n”')}</span>
            <textarea rows={3} value={reasons} aria-invalid={badReasons} onChange={(e) => setReasons(e.target.value)} />
          </label>
          {(invalid.length > 0 || badReasons) && (
            <p className="gw-note gw-warning" role="alert">
              {t('A figure is a whole number (or blank for not reported); a reason line ends with its number. Drawn as not reported until corrected.')}
            </p>
          )}
        </fieldset>
      )}
      <div className="gw-diagram-canvas" tabIndex={0} role="region" aria-label={t('The drawing')}>{figures && <PrismaDiagram ref={svg} figures={figures} measure={measure} rtl={rtl} />}</div>
    </>
  );
}
