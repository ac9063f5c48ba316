// Handlers for undo and redo over the project's command log.

import { history, redo, undo } from '../../../db/commands';
import { requireProject } from '../backend';
import type { HandlerGroup } from './types';

export const historyHandlers = {
  'history.get': (_input, backend) => history(requireProject(backend)),
  'history.undo': (_input, backend) => {
    const project = requireProject(backend);
    undo(project);
    return history(project);
  },
  'history.redo': (_input, backend) => {
    const project = requireProject(backend);
    redo(project);
    return history(project);
  },
} satisfies HandlerGroup<'history.get' | 'history.undo' | 'history.redo'>;
