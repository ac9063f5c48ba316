// "Start it afresh" on a project that comes with Groundwork: says what the project holds of the
// researcher's work and asks before discarding it (a project nobody has changed is rebuilt without
// a question). The backend keeps a dated copy among the backups before it replaces the file.

import { confirmAction } from '../../components/confirm';
import { plural, t } from '../../i18n/t';
import { useStore } from '../../state/store';
import { historyLabel } from '../history/history-label';
import { backendText } from '../../i18n/message';
import { when } from './format';

export async function startAfresh(bundled: 'example' | 'study'): Promise<void> {
  const { run, setProject, toast } = useStore.getState();
  const work = await run('project.bundledWork', { bundled });
  if (work === undefined) return;
  let asked = false;
  if (work && (work.steps > 0 || work.problem)) {
    const message = work.problem
      ? t('The file of “{name}” cannot be read: {problem} Starting afresh builds the project anew; the unreadable file is kept among the backups as it is.', {
          name: work.name,
          problem: backendText(work.problem, work.problemSaid),
        })
      : t('“{name}” holds your work: {changes}, the latest “{last}” ({when}); it now has {contents}. Starting afresh discards all of it from the project. A copy as it is now is kept among the backups on the start screen, and can be restored from there.', {
          name: work.name,
          changes: plural(work.steps, '{n} change', '{n} changes'),
          last: work.lastStep ? historyLabel(work.lastStep.label, work.lastStep.said) : '',
          when: work.lastStep ? when(work.lastStep.at) : '',
          contents: t('{sources}, {concepts}, {categories} and {segments}', {
            sources: plural(work.sources, '{n} source', '{n} sources'),
            concepts: plural(work.concepts, '{n} concept', '{n} concepts'),
            categories: plural(work.categories, '{n} category', '{n} categories'),
            segments: plural(work.segments, '{n} coded passage', '{n} coded passages'),
          }),
        });
    asked = await confirmAction({ title: t('Start “{name}” afresh?', { name: work.name }), message, confirmLabel: t('Discard and start afresh'), danger: true });
    if (!asked) return;
  }
  const project = await run(bundled === 'example' ? 'project.openExample' : 'project.openStudy', { fresh: true });
  if (!project) return;
  await setProject(project);
  if (asked) toast('info', t('The previous “{name}” is kept among the backups on the start screen.', { name: work!.name }));
}
