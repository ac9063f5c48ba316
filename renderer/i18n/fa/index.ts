/// <reference types="vite/client" />
// The Persian catalogue: English text → Persian, one file per feature in this folder (each default-
// exports a Record<string, string>), gathered here so adding a feature never edits a shared file.

const modules = import.meta.glob<Record<string, string>>('./*.catalog.ts', { eager: true, import: 'default' });

export const fa: Record<string, string> = Object.assign({}, ...Object.values(modules));
