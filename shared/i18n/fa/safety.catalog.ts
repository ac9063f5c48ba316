// Persian for what the backend says about project files as a whole: files it refuses to open (db/sqlite/inspect.ts),
// read-only projects (shared/domain/project-file.ts), upgrades, copies and backups (electron/backend/backups.ts).
// `{a}` is a file's name or path.
export default {
  // A file refused before anything writes to it
  'There is no project file at {a}; check the path, or if it was deleted, restore one of its backups from the start screen.':
    'در {a} فایل پروژه‌ای نیست؛ مسیر را بررسی کنید، یا اگر پاک شده است، یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید.',
  '{a} is a folder, not a project file; choose the .groundwork file itself.': '{a} پوشه است، نه فایل پروژه؛ خودِ فایل \u2068.groundwork\u2069 را انتخاب کنید.',
  '{a} cannot be read (permission denied); ask for read access to it, or open a copy you can read. The file was not changed.':
    '{a} خوانده نمی‌شود (اجازهٔ دسترسی نیست)؛ اجازهٔ خواندنش را بگیرید، یا نسخه‌ای را باز کنید که می‌توانید بخوانید. فایل تغییری نکرد.',
  '{a} cannot be read ({reason}); the file was not changed.': '{a} خوانده نمی‌شود ({reason})؛ فایل تغییری نکرد.',
  '{a} is not a Groundwork project file (it is not a database); the file was not changed.': '{a} فایل پروژهٔ گراندورک نیست (پایگاه داده نیست)؛ فایل تغییری نکرد.',
  '{a} is a database of another program, not a Groundwork project; the file was not changed.': '{a} پایگاه دادهٔ برنامهٔ دیگری است، نه پروژهٔ گراندورک؛ فایل تغییری نکرد.',
  '{a} is damaged (it ends part-way through a page, at byte {position}) and cannot be opened; restore one of its backups from the start screen. The file was not changed.':
    '{a} آسیب دیده است (در میانهٔ یک صفحه، در بایت {position}، تمام می‌شود) و باز نمی‌شود؛ یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید. فایل تغییری نکرد.',
  '{a} is damaged (it is cut short at byte {position}) and cannot be opened; restore one of its backups from the start screen. The file was not changed.':
    '{a} آسیب دیده است (در بایت {position} بریده شده است) و باز نمی‌شود؛ یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید. فایل تغییری نکرد.',
  '{a} is damaged (its pages do not read as a sound database) and cannot be opened; restore one of its backups from the start screen. The file was not changed.':
    '{a} آسیب دیده است (صفحه‌هایش پایگاه داده‌ای سالم نیستند) و باز نمی‌شود؛ یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید. فایل تغییری نکرد.',
  '{a} is damaged (its pages do not read as a sound database); restore one of its backups from the start screen.':
    '{a} آسیب دیده است (صفحه‌هایش پایگاه داده‌ای سالم نیستند)؛ یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید.',
  '{a} was saved by a newer version of Groundwork (project format {version}). Update Groundwork to open it; the file was not changed.':
    '{a} را نسخهٔ تازه‌تری از گراندورک ذخیره کرده است (قالب پروژهٔ {version}). برای باز کردنش گراندورک را به‌روز کنید؛ فایل تغییری نکرد.',
  '{a} is locked by another program; close it there, then open it again. The file was not changed.': '{a} را برنامهٔ دیگری قفل کرده است؛ آن را در آنجا ببندید و دوباره باز کنید. فایل تغییری نکرد.',
  '{a} cannot be opened ({reason}); the file was not changed.': '{a} باز نمی‌شود ({reason})؛ فایل تغییری نکرد.',
  '{a} could not be opened ({reason}); the file was not changed.': '{a} باز نشد ({reason})؛ فایل تغییری نکرد.',
  '{a} is marked as a Groundwork project, but its tables do not match project format {version} ({tables}); the file was not changed.':
    '{a} پروژهٔ گراندورک نشان‌گذاری شده است، اما جدول‌هایش با قالب پروژهٔ {version} نمی‌خوانند ({tables})؛ فایل تغییری نکرد.',
  // Upgrades and read-only projects
  '{a} could not be backed up before its upgrade ({reason}); the file was not changed.': 'پیش از ارتقای {a} نسخهٔ پشتیبانی از آن گرفته نشد ({reason})؛ فایل تغییری نکرد.',
  "{a} could not be upgraded from project format {version} to this version's; the file was not changed.": '{a} از قالب پروژهٔ {version} به قالب این نسخه ارتقا نیافت؛ فایل تغییری نکرد.',
  '{a} cannot be changed: {reason}; nothing was written.': '{a} را نمی‌توان تغییر داد: {reason}؛ چیزی نوشته نشد.',
  'the disk is read-only': 'دیسک فقط‌خواندنی است',
  'the file cannot be written': 'در فایل نمی‌توان نوشت',
  'its folder cannot be written': 'در پوشه‌اش نمی‌توان نوشت',
  '{a} is open read-only, so changes are not saved; close it and open it again without “Read-only” to change it.':
    '{a} فقط‌خواندنی باز است، پس تغییرها ذخیره نمی‌شوند؛ برای تغییر دادنش، آن را ببندید و بدون «فقط‌خواندنی» دوباره باز کنید.',
  '{a} is read-only (the file or its folder cannot be written), so changes are not saved; save a copy where you can write and work on the copy.':
    '{a} فقط‌خواندنی است (در فایل یا پوشه‌اش نمی‌توان نوشت)، پس تغییرها ذخیره نمی‌شوند؛ نسخه‌ای در جایی که می‌توانید بنویسید ذخیره کنید و روی آن کار کنید.',
  // Copies and backups
  'A copy cannot be saved over the project itself ({a}).': 'نسخه را نمی‌توان روی خودِ پروژه ذخیره کرد ({a}).',
  'Could not write a copy to {path}: {reason}': 'نوشتن نسخه در {path} ممکن نشد: {reason}',
  'The folder {a} does not exist; nothing was written.': 'پوشهٔ {a} وجود ندارد؛ چیزی نوشته نشد.',
  '{a} is open in another window or program; close it there first. Nothing was changed.': '{a} در پنجره یا برنامهٔ دیگری باز است؛ نخست آن را در آنجا ببندید. چیزی تغییر نکرد.',
  'There is no backup “{a}”; it may have been removed.': 'پشتیبان «{a}» نیست؛ شاید پاک شده باشد.',
  'The backup of {a} taken {takenAt} cannot be restored: {reason}': 'پشتیبانِ {a} که در {takenAt} گرفته شده بازگردانده نمی‌شود: {reason}',
  'The folder {a} no longer exists; nothing was restored.': 'پوشهٔ {a} دیگر وجود ندارد؛ چیزی بازگردانده نشد.',
  '{a} could not be restored ({reason}); its previous state is kept among its backups.': '{a} بازگردانده نشد ({reason})؛ وضع پیشینش میان پشتیبان‌هایش نگه داشته شده است.',
} satisfies Record<string, string>;
