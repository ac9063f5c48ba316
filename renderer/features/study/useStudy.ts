// The study facts and the reproduced-beside-reported figures of the open project, fetched again
// after every change (the store's revision), so a reading chosen or a passage coded shows at once.

import { useEffect, useState } from 'react';
import type { CountsCompare, StudyInfo } from '../../../shared/domain/study';
import { api } from '../../api/client';
import { useStore } from '../../state/store';

export function useCompare(): CountsCompare | null {
  const revision = useStore((s) => s.revision);
  const project = useStore((s) => s.project);
  const [compare, setCompare] = useState<CountsCompare | null>(null);
  useEffect(() => {
    let live = true;
    if (!project) return;
    api.call('counts.compare', {}).then(
      (c) => live && setCompare(c),
      () => live && setCompare(null),
    );
    return () => {
      live = false;
    };
  }, [revision, project]);
  return compare;
}

export function useStudy(): StudyInfo | null {
  const revision = useStore((s) => s.revision);
  const project = useStore((s) => s.project);
  const [study, setStudy] = useState<StudyInfo | null>(null);
  useEffect(() => {
    let live = true;
    if (!project) return;
    api.call('study.get', {}).then(
      (s) => live && setStudy(s),
      () => live && setStudy(null),
    );
    return () => {
      live = false;
    };
  }, [revision, project]);
  return study;
}
