/// <reference types="vite/client" />
// The Persian catalogue: English text → Persian, one file per feature in this folder (each default-
// exports a Record<string, string>), gathered here so adding a feature never edits a shared file;
// with it, the Persian of the text the backend writes (shared/i18n/fa, which the command line reads too).

import { BACKEND_FA } from '../../../shared/i18n/fa/index';

const modules = import.meta.glob<Record<string, string>>('./*.catalog.ts', { eager: true, import: 'default' });

export const fa: Record<string, string> = Object.assign({}, BACKEND_FA, ...Object.values(modules));
