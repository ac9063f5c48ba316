// Persian for what the server engine (db/postgres), copying projects between engines (db/transfer.ts) and
// the server's project host say. `{where}` names the database (its address) or the copy being made.
export default {
  'The project is busy with another change in {where}; try again in a moment.': 'پروژه در {where} سرگرم تغییر دیگری است؛ لحظه‌ای دیگر دوباره بکوشید.',
  '{where} has no free connection for this call; try again in a moment.': '{where} برای این درخواست اتصال آزادی ندارد؛ لحظه‌ای دیگر دوباره بکوشید.',
  'The project is open read-only: changes cannot be saved.': 'پروژه فقط‌خواندنی باز است: تغییرات ذخیره نمی‌شوند.',
  '{where} cannot be reached ({reason}); nothing was changed.': 'به {where} دسترسی نیست ({reason})؛ چیزی تغییر نکرد.',
  '{where} uses encoding {encoding} and locale {collate}/{ctype}; Groundwork needs UTF8 and the C locale, so that text sorts and folds as in a project file (create it with: {command}).':
    '{where} کدگذاری {encoding} و محلی‌سازی {collate}/{ctype} را به کار می‌برد؛ گراندورک به \u2068UTF8\u2069 و محلی‌سازی \u2068C\u2069 نیاز دارد تا متن مانند فایل پروژه مرتب و یکسان‌سازی شود (آن را با این فرمان بسازید: {command}).',
  'There is no project {id} in {where}.': 'پروژهٔ {id} در {where} نیست.',
  'A project needs a name.': 'پروژه باید نامی داشته باشد.',
  'Project “{name}” in {where} was saved by a newer version of Groundwork (project format {version}; this version reads up to {latestVersion}). Update Groundwork to open it; nothing was changed.':
    'پروژهٔ «{name}» در {where} را نسخهٔ تازه‌تری از گراندورک ذخیره کرده است (قالب پروژهٔ {version}؛ این نسخه تا {latestVersion} را می‌خواند). برای باز کردنش گراندورک را به‌روز کنید؛ چیزی تغییر نکرد.',
  '{location} does not name a project on this server.': '{location} به پروژه‌ای روی این سرور اشاره نمی‌کند.',
  'Copying {from} to {to}': 'رونوشت‌برداری از {from} به {to}',
  '{where}: the two projects hold different tables ({source} / {target}); nothing was copied.': '{where}: دو پروژه جدول‌های متفاوتی دارند ({source} / {target})؛ چیزی رونوشت نشد.',
  '{where}: table {table} has other columns on each side ({source} / {target}); nothing was copied.': '{where}: جدول {table} در هر سو ستون‌های دیگری دارد ({source} / {target})؛ چیزی رونوشت نشد.',
  '{where}: the projects are at formats {version} and {otherVersion}; open both with the same version of Groundwork first. Nothing was copied.':
    '{where}: قالب پروژه‌ها {version} و {otherVersion} است؛ نخست هر دو را با یک نسخه از گراندورک باز کنید. چیزی رونوشت نشد.',
} satisfies Record<string, string>;
