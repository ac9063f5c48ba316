// Persian for the Table 8 view. Keys are the English text passed to t().
export default {
  "Table 8: counts per paradigm component": "جدول ۸: شمارش به تفکیک مؤلفهٔ پارادایمی",
  "Counts per paradigm component": "شمارش به تفکیک مؤلفهٔ پارادایمی",
  "As in the study’s Table 8: a component’s main categories are those placed in it; its concepts are the distinct concepts filed under them or their sub-categories; its final codes are the segments coded with those concepts.": "همانند جدول ۸ پژوهش: مقوله‌های اصلی هر مؤلفه آن‌هایی هستند که در آن جای گرفته‌اند؛ مفاهیم آن، مفاهیم متمایزی هستند که زیر این مقوله‌ها یا زیرمقوله‌هایشان قرار دارند؛ و کدهای نهایی آن، بخش‌هایی هستند که با این مفاهیم کدگذاری شده‌اند.",
  "Export table (CSV)": "خروجی جدول (CSV)",
  "Export all segments (CSV)": "خروجی همهٔ بخش‌ها (CSV)",
  "Total": "جمع کل",
  "{concepts} filed under more than one component, so counted in each of those rows and once in the total: the rows add up to {c} concepts and {f} final codes, the total is {tc} and {tf}.": "{concepts} زیر بیش از یک مؤلفه قرار دارد، پس در هر یک از آن ردیف‌ها و یک بار در جمع کل شمرده می‌شود: جمع ردیف‌ها {c} مفهوم و {f} کد نهایی است و جمع کل {tc} مفهوم و {tf} کد نهایی.",
  "{n} concept is": "{n} مفهوم",
  "{n} concepts are": "{n} مفهوم",
  "The total counts every concept and final code once. No concept is filed under two components, so the rows add up to the total.": "جمع کل هر مفهوم و هر کد نهایی را یک بار می‌شمارد. هیچ مفهومی زیر دو مؤلفه قرار ندارد، پس جمع ردیف‌ها با جمع کل برابر است.",
  "Not yet in the model: {m} main categories in no component, {c} concepts in no category, {o} concepts only in categories outside every component. They are not counted above until you place them.": "هنوز در مدل جای نگرفته‌اند: {m} مقولهٔ اصلی بدون مؤلفه، {c} مفهوم بدون مقوله، و {o} مفهوم که تنها در مقوله‌هایی بیرون از همهٔ مؤلفه‌ها قرار دارند. تا آن‌ها را در جای خود نگذارید، در شمارش بالا به حساب نمی‌آیند.",
} satisfies Record<string, string>;
