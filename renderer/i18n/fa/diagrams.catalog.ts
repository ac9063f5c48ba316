// Persian for the Diagrams view (paradigm model, count cascade, PRISMA flow diagram) and its exports.
export default {
  "The drawing": "نمودار",
  Diagrams: 'نمودارها',
  'Paradigm model': 'مدل پارادایمی',
  'Count cascade': 'آبشار شمارش‌ها',
  'Screening (PRISMA)': 'غربالگری (PRISMA)',
  'Loading…': 'در حال بارگذاری…',
  'Export SVG': 'خروجی SVG',
  'Export PNG': 'خروجی PNG',
  'The drawing could not be exported: {reason}': 'خروجی گرفتن از نمودار ممکن نشد: {reason}',
  'The drawing could not be turned into a PNG.': 'نمودار به PNG تبدیل نشد.',
  'This window cannot draw images (no canvas).': 'این پنجره نمی‌تواند تصویر بکشد (canvas در دسترس نیست).',
  '{project} - paradigm model': '{project} - مدل پارادایمی',
  '{project} - count cascade': '{project} - آبشار شمارش‌ها',
  '{project} - PRISMA flow diagram': '{project} - نمودار جریان PRISMA',

  // Paradigm model
  'Causal conditions lead to the core phenomenon, which the strategies answer, with their consequences; context and intervening conditions bear on the strategies.':
    'شرایط علی به پدیده محوری می‌انجامند، راهبردها به آن پاسخ می‌دهند و پیامدهایی دارند؛ بستر و شرایط مداخله‌گر بر راهبردها اثر می‌گذارند.',
  'Paradigm model: {project}': 'مدل پارادایمی: {project}',
  'Under each component: its main categories, concepts and final codes. Beside each main category: its concepts · final codes.':
    'زیر هر مؤلفه: شمار مقوله‌های اصلی، مفاهیم و کدهای نهایی آن. کنار هر مقوله اصلی: مفاهیم · کدهای نهایی آن.',
  'No main category yet': 'هنوز مقوله اصلی‌ای ندارد',
  '{n} main category': '{n} مقولهٔ اصلی',
  '{n} main categories': '{n} مقولهٔ اصلی',
  '{n} concept': '{n} مفهوم',
  '{n} concepts': '{n} مفهوم',
  '{n} final code': '{n} کد نهایی',
  '{n} final codes': '{n} کد نهایی',

  // Count cascade
  'Count cascade: {project}': 'آبشار شمارش‌ها: {project}',
  'Final codes are the coded segments; each is coded with a concept, concepts are filed in main categories, main categories are placed in paradigm components. A concept filed under two main categories counts once in the totals.':
    'کدهای نهایی بخش‌های کدگذاری‌شده‌اند؛ هر یک با مفهومی کدگذاری شده، مفاهیم در مقوله‌های اصلی جای گرفته‌اند و مقوله‌های اصلی در مؤلفه‌های مدل پارادایمی. مفهومی که زیر دو مقوله اصلی است در جمع کل یک بار شمرده می‌شود.',
  'final codes': 'کد نهایی',
  concepts: 'مفهوم',
  'main categories': 'مقوله اصلی',
  'of {total} components in use': 'از {total} مؤلفه به کار رفته',
  'Which main categories hold them, in which component: bands as thick as their final codes (concepts · final codes beside each name)':
    'کدام مقوله‌های اصلی آن‌ها را دربر دارند و در کدام مؤلفه: پهنای هر نوار به اندازه کدهای نهایی آن (مفاهیم · کدهای نهایی کنار هر نام)',
  'Which main categories hold them, in which component: bands as thick as their concepts (concepts · final codes beside each name)':
    'کدام مقوله‌های اصلی آن‌ها را دربر دارند و در کدام مؤلفه: پهنای هر نوار به اندازه مفاهیم آن (مفاهیم · کدهای نهایی کنار هر نام)',
  'Main categories not yet placed in any component (not counted above):': 'مقوله‌های اصلی‌ای که هنوز در هیچ مؤلفه‌ای نیستند (در بالا شمرده نشده‌اند):',
  'Band thickness': 'پهنای نوارها',
  'Final codes': 'کدهای نهایی',
  Concepts: 'مفاهیم',

  // PRISMA
  Figures: 'ارقام',
  'Live screening counts': 'شمارش زنده غربالگری',
  'As the study reports them': 'چنان‌که پژوهش گزارش کرده است',
  'Figures typed in': 'ارقام واردشده',
  'Figures of the flow diagram (leave a field blank when the study does not report it; not saved in the project)':
    'ارقام نمودار جریان (اگر پژوهش رقمی را گزارش نکرده، خانه را خالی بگذارید؛ در پروژه ذخیره نمی‌شود)',
  'Records identified': 'رکوردهای شناسایی‌شده',
  'Duplicates removed': 'تکراری‌های حذف‌شده',
  'Records screened': 'رکوردهای غربال‌شده',
  'Excluded at screening': 'کنارگذاشته در غربالگری',
  'Assessed for eligibility': 'ارزیابی‌شده برای واجد شرایط بودن',
  'Studies included': 'مطالعات واردشده',
  'Reports excluded, one reason a line: “reason: n”': 'گزارش‌های کنارگذاشته، هر دلیل در یک سطر: «دلیل: n»',
  'A figure is a whole number (or blank for not reported); a reason line ends with its number. Drawn as not reported until corrected.':
    'هر رقم عددی صحیح است (یا خالی برای گزارش‌نشده)؛ هر سطر دلیل با عدد خود پایان می‌یابد. تا اصلاح، «گزارش نشده» کشیده می‌شود.',
  'Identification of studies via databases and registers': 'شناسایی مطالعات از طریق پایگاه‌های داده و ثبت‌ها',
  Identification: 'شناسایی',
  Screening: 'غربالگری',
  Included: 'ورود',
  'Records identified from databases and registers': 'رکوردهای شناسایی‌شده از پایگاه‌های داده و ثبت‌ها',
  'Records removed before screening:': 'رکوردهای حذف‌شده پیش از غربالگری:',
  'Duplicate records removed': 'رکوردهای تکراری حذف‌شده',
  'Records excluded': 'رکوردهای کنارگذاشته',
  'Reports assessed for eligibility': 'گزارش‌های ارزیابی‌شده برای واجد شرایط بودن',
  'Reports excluded, with reasons:': 'گزارش‌های کنارگذاشته، با دلایل:',
  'Studies included in the review': 'مطالعات واردشده در مرور',
  'Records awaiting a decision': 'رکوردهای در انتظار تصمیم',
  'not reported': 'گزارش نشده',
  '(n = {n})': '(n = {n})',
} satisfies Record<string, string>;
