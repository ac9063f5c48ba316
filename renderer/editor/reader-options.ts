// The reader's own settings, remembered on this machine: whether a mouse selection grows to whole
// words (on unless turned off).

import { create } from 'zustand';

const KEY = 'groundwork.wholeWords';

const stored = (): boolean => {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
};

export const useReaderOptions = create<{ wholeWords: boolean; setWholeWords(on: boolean): void }>()((set) => ({
  wholeWords: stored(),
  setWholeWords(on) {
    try {
      localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Private windows may refuse storage: the choice then lasts for this session.
    }
    set({ wholeWords: on });
  },
}));
