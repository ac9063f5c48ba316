// Types of electron/build.mjs, for the tests that make sure dist/ is current before using it.
export function buildNodeBundles(): Promise<void>;
export function buildRenderer(): Promise<void>;
export function ensureNodeBundles(options?: { quiet?: boolean }): Promise<void>;
export function ensureRenderer(): Promise<void>;
