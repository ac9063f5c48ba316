// Persian for the study views: the study on the start screen, Table 8 beside the reported figures,
// the readings, Table 7 and the label language switch. Keys are the English text passed to t().
export default {
  'B2B marketing maturity model (Tellohosseini et al., 2022)': 'مدل بلوغ بازاریابی B2B (تلوحسینی و همکاران، ۱۴۰۱)',
  'The published study to reproduce: its full codebook (six components, Table 7’s 7 dimensions and 48 category rows, 354 concept items in Persian with English glosses), its reported Table 8, screening figures and references, and four corpus articles ready to code.':
    'پژوهش منتشرشده برای بازتولید: کدنامهٔ کامل آن (شش مؤلفه، ۷ بُعد و ۴۸ ردیف مقولهٔ جدول ۷، ۳۵۴ قلم مفهوم به فارسی با برگردان انگلیسی)، جدول ۸ گزارش‌شده، ارقام غربالگری و منابع، و چهار مقالهٔ پیکره آمادهٔ کدگذاری.',
  'Open the study': 'باز کردن پژوهش',
  'Discard any coding done in the study project and start again': 'کنار گذاشتن هر کدگذاری در پروژهٔ پژوهش و آغاز دوباره',
  'Table 7': 'جدول ۷',
  'Table 7: components, dimensions, categories and concepts': 'جدول ۷: مؤلفه‌ها، ابعاد، مقوله‌ها و مفاهیم',
  'Table 7: dimensions, categories and concepts': 'جدول ۷: ابعاد، مقوله‌ها و مفاهیم',
  '{d} dimensions, {r} category rows, as the study prints them. Click a concept to see its coded segments; the number beside it is its final codes.':
    '{d} بُعد و {r} ردیف مقوله، همان‌گونه که پژوهش چاپ کرده است. برای دیدن بخش‌های کدگذاری‌شدهٔ هر مفهوم روی آن کلیک کنید؛ عدد کنار آن کدهای نهایی آن است.',
  'This project has no dimensions. A project reproducing a study (such as the B2B marketing maturity model on the start screen) lists here each component’s dimensions, their category rows and their concepts.':
    'این پروژه بُعدی ندارد. پروژه‌ای که پژوهشی را بازتولید می‌کند (مانند مدل بلوغ بازاریابی B2B در صفحهٔ آغاز) در اینجا ابعاد هر مؤلفه، ردیف‌های مقوله و مفاهیم آن‌ها را نشان می‌دهد.',
  'The printed list ends with “and so on”: it is open-ended.': 'فهرست چاپی با «و غیره» پایان می‌یابد: فهرستی باز است.',
  'Parse notes': 'یادداشت‌های تجزیه',
  '{n} final codes': '{n} کد نهایی',
  Category: 'مقوله',
  Dimension: 'بُعد',
  'Why they differ': 'چرا متفاوت‌اند',
  reproduced: 'بازتولیدشده',
  reported: 'گزارش‌شده',
  difference: 'تفاوت',
  'an interpretation': 'یک تفسیر',
  'Final codes reproduced are the passages coded in this project, 0 until you code. The 785 reported cannot be checked: the study does not publish its coded segments.':
    'کدهای نهایی بازتولیدشده بخش‌های کدگذاری‌شده در همین پروژه‌اند و تا کدگذاری نکنید ۰ هستند. ۷۸۵ کد گزارش‌شده را نمی‌توان وارسی کرد: پژوهش بخش‌های کدگذاری‌شدهٔ خود را منتشر نکرده است.',
  'Language of labels': 'زبان برچسب‌ها',
  'Language of concept, category and component labels': 'زبان برچسب مفاهیم، مقوله‌ها و مؤلفه‌ها',
  'Show each component’s main categories': 'نمایش مقوله‌های اصلی هر مؤلفه',
  'Item code': 'کد قلم',
  'Persian label': 'برچسب فارسی',
  'English gloss': 'برگردان انگلیسی',
  Tools: 'ابزارها',
  Source: 'منبع',
  Notes: 'یادداشت‌ها',
  'Its comma enumerates inside the phrase before it (counts 0 when phrases are merged).':
    'ویرگول آن درون عبارت پیشین برمی‌شمارد (در ادغام عبارت‌ها ۰ شمرده می‌شود).',
  'A trailing “and so on” was dropped from the printed item.': '«و غیره» پایانی از قلم چاپی حذف شده است.',
  'The printed cell ends with a stray word.': 'خانهٔ چاپی با واژه‌ای سرگردان پایان می‌یابد.',
  Labels: 'برچسب‌ها',
} satisfies Record<string, string>;
