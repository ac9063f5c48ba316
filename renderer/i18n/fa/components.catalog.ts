// Persian for the shared components (confirm dialog, language switch). Keys are the English text passed to t().
export default {
  "Interface language": "زبان رابط کاربری",
  "Cancel": "انصراف",
} satisfies Record<string, string>;
