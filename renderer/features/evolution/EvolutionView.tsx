// The "What changed" view: baselines and waves on one side, the change report on the other,
// against the chosen baseline or of the chosen wave against the others.

import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { BaselinesPanel } from './BaselinesPanel';
import { ChangeReport, changeTitle } from './ChangeReport';
import { ExportFileButtons } from './ExportFileButtons';
import { useAnswer } from './use-answer';
import { WavesPanel } from './WavesPanel';
import './evolution.css';

export type Against = { kind: 'baseline'; id: number } | { kind: 'wave'; id: number };

export function EvolutionView() {
  const project = useStore((s) => s.project);
  const baselines = useAnswer('baseline.list', {}).value;
  const waves = useAnswer('wave.list', {}).value;
  const [against, setAgainst] = useState<Against | null>(null);

  // The chosen comparison must still exist: one that was listed and is gone (undone, deleted) gives
  // way to the newest baseline. One just made may not be listed yet: it stays chosen.
  const listed = useRef(new Set<string>());
  useEffect(() => {
    if (!baselines || !waves) return;
    const now = new Set([...baselines.map((b) => `baseline:${b.id}`), ...waves.waves.map((w) => `wave:${w.id}`)]);
    const key = against && `${against.kind}:${against.id}`;
    const gone = key !== null && listed.current.has(key) && !now.has(key);
    listed.current = now;
    if (against && !gone) return;
    const latest = baselines.length ? baselines[baselines.length - 1]! : null;
    setAgainst(latest ? { kind: 'baseline', id: latest.id } : null);
  }, [baselines, waves, against]);

  const report = useAnswer('evolution.report', against ? { against } : null);

  return (
    <section className="gw-evo" aria-label={t('What changed')}>
      <aside className="gw-evo-side">
        {baselines && <BaselinesPanel baselines={baselines} against={against} onChoose={setAgainst} />}
        {waves && <WavesPanel list={waves} against={against} onChoose={setAgainst} />}
      </aside>
      <div className="gw-evo-main">
        <header className="gw-evo-header">
          <div>
            <h2>{report.value ? changeTitle(report.value) : t('What changed')}</h2>
            <p className="gw-muted">
              {t('Compare the model with a baseline frozen earlier (or a study’s published figures), or see what one wave of literature added against the others.')}
            </p>
          </div>
          <ExportFileButtons view={against ? { kind: 'evolution', against } : null} />
        </header>
        {report.error && <p className="gw-note gw-warning">{report.error}</p>}
        {!against ? (
          <p className="gw-muted gw-evo-empty">{t('Freeze the model as a baseline, or choose a wave, to see what changed.')}</p>
        ) : report.value ? (
          <ChangeReport view={report.value} projectName={project?.name ?? ''} />
        ) : (
          !report.error && <p className="gw-muted">{t('Loading…')}</p>
        )}
      </div>
    </section>
  );
}
