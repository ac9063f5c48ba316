// Persian for the safety net: opening read-only, starting a bundled project afresh, backups, saving
// a copy (the backend's refusals about project files are in shared/i18n/fa/safety.catalog.ts).
export default {
  // The start screen
  'Open read-only: browse, search and export without changing the file': 'باز کردن فقط‌خواندنی: مرور، جست‌وجو و خروجی گرفتن، بی‌آنکه فایل تغییر کند',
  'Start it afresh…': 'شروع از نو…',
  'The file of “{name}” cannot be read: {problem} Starting afresh builds the project anew; the unreadable file is kept among the backups as it is.':
    'فایل «{name}» خوانده نمی‌شود: {problem} شروع از نو پروژه را دوباره می‌سازد؛ فایلِ ناخوانا همان‌گونه که هست میان پشتیبان‌ها نگه داشته می‌شود.',
  '“{name}” holds your work: {changes}, the latest “{last}” ({when}); it now has {contents}. Starting afresh discards all of it from the project. A copy as it is now is kept among the backups on the start screen, and can be restored from there.':
    '«{name}» کار شما را در خود دارد: {changes}، که آخرینش «{last}» بود ({when})؛ اکنون {contents} دارد. شروع از نو همهٔ این‌ها را از پروژه کنار می‌گذارد. نسخه‌ای از وضع کنونی‌اش میان پشتیبان‌های صفحهٔ آغاز نگه داشته می‌شود و از همان‌جا می‌توان بازش گرداند.',
  '{n} change': '{n} تغییر',
  '{n} changes': '{n} تغییر',
  '{sources}, {concepts}, {categories} and {segments}': '{sources}، {concepts}، {categories} و {segments}',
  '{n} source': '{n} منبع',
  '{n} sources': '{n} منبع',
  '{n} category': '{n} مقوله',
  '{n} categories': '{n} مقوله',
  '{n} coded passage': '{n} بخش کدگذاری‌شده',
  '{n} coded passages': '{n} بخش کدگذاری‌شده',
  'Start “{name}” afresh?': '«{name}» از نو شروع شود؟',
  'Discard and start afresh': 'کنار گذاشتن و شروع از نو',
  'The previous “{name}” is kept among the backups on the start screen.': '«{name}» پیشین میان پشتیبان‌های صفحهٔ آغاز نگه داشته شد.',

  // Backups
  Backups: 'پشتیبان‌ها',
  'A copy of each project you work in is kept once a day when you open it, and before it is started afresh or restored (the last ten of each).':
    'از هر پروژه‌ای که در آن کار می‌کنید، روزی یک بار هنگام باز کردنش و نیز پیش از شروع از نو یا بازگرداندنش، نسخه‌ای نگه داشته می‌شود (از هر نوع، ده نسخهٔ آخر).',
  'No backups yet.': 'هنوز پشتیبانی نیست.',
  '{n} backup': '{n} پشتیبان',
  '{n} backups': '{n} پشتیبان',
  'the project file is missing': 'فایل پروژه پیدا نمی‌شود',
  '{n} KB': '{n} کیلوبایت',
  '{n} MB': '{n} مگابایت',
  Daily: 'روزانه',
  'Before starting afresh': 'پیش از شروع از نو',
  'Before a restore': 'پیش از بازگرداندن',
  'Restore…': 'بازگرداندن…',
  'Restore “{name}” as it was on {date}': 'بازگرداندن «{name}» به وضع {date}',
  'Restore “{name}” as it was on {date}?': '«{name}» به وضع {date} بازگردانده شود؟',
  'The project file {path} is replaced by this backup. The file as it is now is first kept among the backups, so you can go back to it.':
    'این پشتیبان جای فایل پروژهٔ {path} را می‌گیرد. فایل در وضع کنونی‌اش پیش از آن میان پشتیبان‌ها نگه داشته می‌شود تا بتوانید به آن برگردید.',
  'There is no file at {path} now; the backup is put back there.': 'اکنون در {path} فایلی نیست؛ پشتیبان در همان‌جا گذاشته می‌شود.',
  '“{name}” is restored as it was on {date}.': '«{name}» به وضع {date} بازگردانده شد.',

  // Read-only projects and copies
  'Read-only': 'فقط‌خواندنی',
  'Changes to this project are not saved.': 'تغییرها در این پروژه ذخیره نمی‌شوند.',
  'You opened this project read-only: you can browse, search and export, and nothing you do changes the file. To change it, close it and open it again without “Read-only”.':
    'این پروژه را فقط‌خواندنی باز کرده‌اید: می‌توانید مرور کنید، جست‌وجو کنید و خروجی بگیرید، و هیچ کاری فایل را تغییر نمی‌دهد. برای تغییر دادنش، آن را ببندید و بدون «فقط‌خواندنی» دوباره باز کنید.',
  'This project file cannot be written (its permissions, or a read-only disk), so it is open read-only: you can browse, search and export, and changes are not saved. To work on it, save a copy where you can write.':
    'در این فایل پروژه نمی‌توان نوشت (به سبب مجوزهایش یا دیسکی فقط‌خواندنی)، پس فقط‌خواندنی باز شده است: می‌توانید مرور کنید، جست‌وجو کنید و خروجی بگیرید، و تغییرها ذخیره نمی‌شوند. برای کار روی آن، نسخه‌ای در جایی که می‌توانید بنویسید ذخیره کنید.',
  'Save a copy…': 'ذخیرهٔ یک نسخه…',
  'Save a copy of the project as it is now, as a project file of its own': 'ذخیرهٔ نسخه‌ای از پروژه در وضع کنونی‌اش، به صورت فایل پروژه‌ای جدا',
  'A copy of the project is saved as {path}.': 'نسخه‌ای از پروژه با نام {path} ذخیره شد.',
  'Save a copy of “{name}”': 'ذخیرهٔ نسخه‌ای از «{name}»',
  'The copy is the project as it is now, with its history, as a project file of its own; this project stays open. An existing file is never overwritten.':
    'این نسخه همین پروژه در وضع کنونی‌اش است، با تاریخچه‌اش، به صورت فایل پروژه‌ای جدا؛ این پروژه باز می‌ماند. روی هیچ فایل موجودی نوشته نمی‌شود.',
  'Save as': 'ذخیره با نام',
  'Path of the new .groundwork file': 'مسیر فایل ‎.groundwork تازه',
  'Leave it empty to save the copy in {home}, named after the project and today’s date.': 'اگر خالی بماند، نسخه در {home} با نام پروژه و تاریخ امروز ذخیره می‌شود.',
  'Save copy': 'ذخیرهٔ نسخه',
} satisfies Record<string, string>;
