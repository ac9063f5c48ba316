// Arrow keys in a list: Up/Down (and Home/End) move the keyboard focus from one item to the next,
// scrolling it into view; the items themselves say what Enter does (a button opens, an option is
// chosen). Virtualised lists mount the next items as the focused one scrolls into view.

const STEPS: Record<string, number | 'first' | 'last'> = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };

/** Moves focus among `selector` items inside `root` for an arrow key; true if it handled the key. */
export function moveFocus(event: React.KeyboardEvent, root: HTMLElement | null, selector: string): boolean {
  const step = STEPS[event.key];
  if (!root || step === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const items = [...root.querySelectorAll<HTMLElement>(selector)];
  if (items.length === 0) return false;
  const at = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
  const next =
    step === 'first' ? items[0] : step === 'last' ? items[items.length - 1] : items[at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + step))];
  if (!next) return false;
  event.preventDefault();
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
  return true;
}

/**
 * Arrow keys in a tab list: Left/Right (in the reading direction, so mirrored in Persian), Home
 * and End choose the next tab and give it focus, as the ARIA tabs pattern has it.
 */
export function onTabListKeys(event: React.KeyboardEvent<HTMLElement>) {
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.findIndex((tab) => tab === document.activeElement);
  if (at < 0) return;
  const rtl = document.documentElement.dir === 'rtl';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const to =
    event.key === forward ? (at + 1) % tabs.length : event.key === back ? (at - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -1;
  if (to < 0) return;
  event.preventDefault();
  tabs[to]!.focus();
  tabs[to]!.click();
}
