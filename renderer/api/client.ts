// The renderer's one client of the backend contract. Each window or tab has its own origin id so
// it can tell change events it caused from those of another window. Every answer that names what
// its call changed is passed to the listeners (the answers held by the window refresh from it).

import { createClient, type TouchedListener } from '../../shared/api/client';
import { errorText } from '../features/workspace/error-message';
import { transport } from './transport';

export const origin = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const touchedListeners = new Set<TouchedListener>();

export function onTouched(listener: TouchedListener): () => void {
  touchedListeners.add(listener);
  return () => touchedListeners.delete(listener);
}

/** A failed call throws an error whose message is in the interface language (the backend's said, translated). */
export const api = createClient(transport, origin, errorText, (touched, method) => {
  for (const listener of touchedListeners) listener(touched, method);
});
