// Persian for the sources list and importing. Keys are the English text passed to t().
export default {
  "Sources": "منابع",
  "Import…": "وارد کردن…",
  "No sources yet. Import text or saved web pages, or drop files here.": "هنوز منبعی نیست. متن یا صفحهٔ وب ذخیره‌شده وارد کنید، یا فایل‌ها را اینجا رها کنید.",
  "Coded segments": "بخش‌های کدگذاری‌شده",
  "Import: {imported} of {total} files imported": "وارد کردن: {imported} از {total} فایل وارد شد",
  "OK": "تأیید",
  "{name}: the file is {size}; sources larger than {limit} are not imported. Split it into parts.": "{name}: حجم فایل {size} است؛ منابع بزرگ‌تر از {limit} وارد نمی‌شوند. آن را به چند فایل کوچک‌تر تقسیم کنید.",
  "{name}: the file cannot be read.": "{name}: فایل خوانده نمی‌شود.",
} satisfies Record<string, string>;
