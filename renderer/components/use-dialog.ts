// What every dialog and popover does with the keyboard: focus moves into it when it opens, Tab
// and Shift+Tab stay inside it, Esc and a click outside close it, and focus goes back to where it
// was when it closes.

import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export const focusables = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);

interface Options {
  onClose(): void;
  /** Close on a mouse press outside (popovers, and modals whose backdrop means "cancel"). */
  closeOnOutside?: boolean;
  /** The element to focus first; else the first focusable one, else the dialog itself. */
  initial?: RefObject<HTMLElement | null>;
  /** Elements a press on which does not count as outside (the button that toggles a popover). */
  ignore?: RefObject<HTMLElement | null>;
}

export function useDialog(ref: RefObject<HTMLElement | null>, { onClose, closeOnOutside = true, initial, ignore }: Options) {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = initial?.current ?? focusables(root)[0] ?? root;
    if (first === root && !root.hasAttribute('tabindex')) root.tabIndex = -1;
    first.focus();

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(root);
      if (items.length === 0) {
        event.preventDefault();
        return;
      }
      const [head, tail] = [items[0]!, items[items.length - 1]!];
      if (event.shiftKey && (document.activeElement === head || !root.contains(document.activeElement))) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && (document.activeElement === tail || !root.contains(document.activeElement))) {
        event.preventDefault();
        head.focus();
      }
    };
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (root.contains(target) || ignore?.current?.contains(target)) return;
      if (closeOnOutside) close.current();
    };
    root.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown, true);
    return () => {
      root.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown, true);
      // Back to where the user was, unless they have since gone somewhere else on purpose.
      const now = document.activeElement;
      if (opener && opener.isConnected && (!now || now === document.body || root.contains(now) || !now.isConnected)) opener.focus();
    };
    // Opening is what matters: the handlers read the latest onClose through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
