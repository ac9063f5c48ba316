// Persian for the workspace frame (top bar, views, toasts, dropping files). Keys are the English text passed to t().
export default {
  "Dismiss": "بستن",
  "Views": "نماها",
  "Coding": "کدگذاری",
  "Table 8": "جدول ۸",
  "Close project": "بستن پروژه",
  "Drop files to import them as sources": "فایل‌ها را رها کنید تا به عنوان منبع وارد شوند",
} satisfies Record<string, string>;
