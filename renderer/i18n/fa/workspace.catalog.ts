// Persian for the workspace frame (top bar, views, toasts, dropping files). Keys are the English text passed to t().
export default {
  "Dismiss": "بستن",
  "Views": "نماها",
  "Coding": "کدگذاری",
  "Table 8": "جدول ۸",
  "Close project": "بستن پروژه",
  // The backend's refusals are in shared/i18n/fa/errors.catalog.ts, which the command line reads too.
} satisfies Record<string, string>;
