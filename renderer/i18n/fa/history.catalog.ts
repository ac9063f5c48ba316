// Persian for undo, redo and the history list. Keys are the English text passed to t().
export default {
  "Undo: {label} (Ctrl+Z)": "واگرد: {label} (Ctrl+Z)",
  "Nothing to undo": "چیزی برای واگرد نیست",
  "Undo": "واگرد",
  "Redo: {label} (Ctrl+Shift+Z)": "انجام دوباره: {label} (Ctrl+Shift+Z)",
  "Nothing to redo": "چیزی برای انجام دوباره نیست",
  "Redo": "انجام دوباره",
  "History": "تاریخچه",
  "Nothing done yet.": "هنوز کاری انجام نشده است.",
  "Undone: {label}": "واگرد شد: {label}",
  "Redone: {label}": "دوباره انجام شد: {label}",
} satisfies Record<string, string>;
