// The letter of a keyboard shortcut. With a Persian (or Arabic) keyboard layout the C key types
// «ز», so a shortcut read from event.key alone would never fire for someone writing Persian
// labels; then the physical key (event.code) names the letter. A Latin layout keeps event.key, so
// "c" is still the key marked C on AZERTY or Dvorak keyboards.

export function shortcutKey(event: KeyboardEvent): string {
  const key = event.key.toLowerCase();
  if (key.length !== 1 || /[a-z]/.test(key)) return key;
  const physical = /^Key([A-Z])$/.exec(event.code)?.[1];
  return physical ? physical.toLowerCase() : key;
}
