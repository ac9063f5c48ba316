// Persian for coding in the reader (coding bar, concept picker, segment popover). Keys are the English text passed to t().
export default {
  "Code the selected passage": "کدگذاری قطعهٔ برگزیده",
  "Code…": "کدگذاری…",
  "In vivo": "کد زنده",
  "Concept: type to find or create": "مفهوم: برای یافتن یا ساختن بنویسید",
  "Create concept": "ساختن مفهوم",
  "Segments here": "بخش‌های این نقطه",
  "Coded here": "کدهای این نقطه",
  "Memo ✎": "یادداشت ✎",
  "Add memo": "افزودن یادداشت",
  "Show concept": "نمایش مفهوم",
} satisfies Record<string, string>;
