// Persian for the import of sources: the Sources panel's import buttons and the import panel.
// Latin file names, extensions and sizes are isolated (U+2066 … U+2069) so they keep their order.
export default {
  'Import…': 'وارد کردن…',
  'Import folder…': 'وارد کردن پوشه…',
  'No sources yet. Import PDF, Word, web pages or text, a whole folder, or drop files or folders here.':
    'هنوز منبعی نیست. فایل PDF، Word، صفحهٔ وب یا متن، یا یک پوشهٔ کامل را وارد کنید، یا فایل‌ها و پوشه‌ها را اینجا رها کنید.',
  'Importing: {done} of {total} files': 'در حال وارد کردن: \u2066{done}\u2069 از \u2066{total}\u2069 فایل',
  'Import progress': 'پیشرفت وارد کردن',
  '{done} of {total}': '\u2066{done}\u2069 از \u2066{total}\u2069',
  'Cancelling…': 'در حال لغو…',
  Files: 'فایل‌ها',
  queued: 'در صف',
  reading: 'در حال خواندن',
  imported: 'وارد شد',
  'partly imported': 'بخشی وارد شد',
  duplicate: 'تکراری',
  failed: 'ناموفق',
  cancelled: 'لغو شد',
  OK: 'تأیید',
  '{name}: skipped, "{ext}" files are not imported.': '\u2066{name}\u2069: رد شد، فایل‌های «\u2066{ext}\u2069» وارد نمی‌شوند.',
  '{name}: skipped, files without an extension are not imported.': '\u2066{name}\u2069: رد شد، فایل‌های بدون پسوند وارد نمی‌شوند.',
  'The folder holds no files to import.': 'در این پوشه فایلی برای وارد کردن نیست.',
  '{name}: not imported, the import was cancelled.': '\u2066{name}\u2069: وارد نشد، وارد کردن لغو شد.',
  'Drop files to import them as sources': 'فایل‌ها یا پوشه‌ها را رها کنید تا به‌عنوان منبع وارد شوند',
  'p. {page}': 'ص. {page}',
} satisfies Record<string, string>;
