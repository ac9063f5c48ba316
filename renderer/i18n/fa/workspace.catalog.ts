// Persian for the workspace frame (top bar, views, toasts, dropping files). Keys are the English text passed to t().
export default {
  "Dismiss": "بستن",
  "Views": "نماها",
  "Coding": "کدگذاری",
  "Table 8": "جدول ۸",
  "Close project": "بستن پروژه",
  // The backend's refusals met most often (features/workspace/error-message.ts).
  "No project is open. Create or open a project first.": "هیچ پروژه‌ای باز نیست. نخست پروژه‌ای بسازید یا باز کنید.",
  "The selection holds only spaces; select some words.": "بخش برگزیده تنها فاصله دارد؛ چند واژه را برگزینید.",
  "This passage is already coded with “{a}”.": "این قطعه پیش‌تر با «{a}» کدگذاری شده است.",
  "There is already a concept “{a}”; use it, or choose another label.": "مفهوم «{a}» از پیش وجود دارد؛ از همان استفاده کنید یا برچسب دیگری برگزینید.",
  "There is already a category “{a}” among the main categories.": "مقولهٔ «{a}» از پیش در میان مقوله‌های اصلی وجود دارد.",
  "There is already a category “{a}” in that category.": "مقولهٔ «{a}» از پیش در آن مقوله وجود دارد.",
  "“{a}” cannot go inside itself or one of its own sub-categories.": "«{a}» را نمی‌توان درون خودش یا یکی از زیرمقوله‌هایش گذاشت.",
  "Only main categories go into a paradigm component; “{a}” is a sub-category of “{b}”. Make it a main category first.": "تنها مقوله‌های اصلی در مؤلفه‌های پارادایمی جای می‌گیرند؛ «{a}» زیرمقولهٔ «{b}» است. نخست آن را به مقولهٔ اصلی تبدیل کنید.",
} satisfies Record<string, string>;
