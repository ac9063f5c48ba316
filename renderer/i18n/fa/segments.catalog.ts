// Persian for the retrieved segments. Keys are the English text passed to t().
export default {
  "Retrieved segments": "بخش‌های بازیابی‌شده",
  "Select a concept, category, component or source to list its coded segments.": "یک مفهوم، مقوله، مؤلفه یا منبع را برگزینید تا بخش‌های کدگذاری‌شدهٔ آن فهرست شود.",
  "No coded segments here yet.": "هنوز بخش کدگذاری‌شده‌ای اینجا نیست.",
  "Open the source at this passage (double-click for its details and memo)": "باز کردن منبع در همین قطعه (برای دیدن جزئیات و یادداشت آن دو بار کلیک کنید)",
} satisfies Record<string, string>;
