// Persian for the team server's interface: signing in, who is signed in and their role, members and
// roles, "changed by", reconnecting, the server's start screen. What the server itself says (its
// refusals and notices) is in the backend's catalogue, shared/i18n/fa/server.catalog.ts.
export default {
  // Signing in
  'This Groundwork server is shared by a research team. Sign in with the name and password your administrator gave you.':
    'این سرورِ گراندورک میان اعضای یک گروه پژوهشی مشترک است. با نام و گذرواژه‌ای که مدیر سرور به شما داده است وارد شوید.',
  Password: 'گذرواژه',
  'Sign in': 'ورود',
  'Signing in…': 'در حال ورود…',
  'Sign out': 'خروج',

  // Who is signed in, and roles
  'Your account': 'حساب شما',
  'Members and roles…': 'اعضا و نقش‌ها…',
  'Download the project (.groundwork)': 'دریافت پروژه (\u2066.groundwork\u2069)',
  Owner: 'مالک',
  Coder: 'کدگذار',
  Viewer: 'بیننده',
  'Everything, members and roles included': 'همه‌چیز، از جمله اعضا و نقش‌ها',
  'Codes, writes memos and (if allowed) changes the codebook': 'کدگذاری می‌کند، یادداشت می‌نویسد و (اگر اجازه باشد) کتاب کد را تغییر می‌دهد',
  'Reads, searches and exports': 'می‌خواند، جست‌وجو می‌کند و خروجی می‌گیرد',
  'Members of “{name}”': 'اعضای «{name}»',
  User: 'کاربر',
  Role: 'نقش',
  'Role of {name}': 'نقشِ {name}',
  'No role (remove)': 'بی‌نقش (حذف از پروژه)',
  'Sign-in name of a user': 'نام کاربریِ یک کاربر',
  Add: 'افزودن',
  'Users are added to the server by its administrator (groundwork user add).': 'کاربران را مدیر سرور به سرور می‌افزاید (\u2066groundwork user add\u2069).',
  'Coders may change the codebook (concepts, categories, components)': 'کدگذاران می‌توانند کتاب کد را تغییر دهند (مفهوم‌ها، مقوله‌ها، مؤلفه‌ها)',
  Close: 'بستن',
  'You are a viewer of this project: you can read, search and export, and see the others’ changes as they are made. To code, ask one of its owners for the coder role.':
    'شما بینندهٔ این پروژه‌اید: می‌توانید بخوانید، جست‌وجو کنید و خروجی بگیرید و تغییرهای دیگران را همان لحظه ببینید. برای کدگذاری، نقش کدگذار را از یکی از مالکانش بخواهید.',

  // Others' changes, and the server out of reach
  'Changed by {name}: {label}': 'تغییر به دست {name}: {label}',
  '{name} undid: {label}': '{name} واگرداند: {label}',
  '{name} redid: {label}': '{name} دوباره انجام داد: {label}',
  'Reconnecting to the team server… Changes made now are not saved; they are refused until it answers again.':
    'در حال اتصال دوباره به سرور گروه… تغییرهایی که اکنون بدهید ذخیره نمی‌شوند؛ تا سرور دوباره پاسخ دهد پذیرفته نمی‌شوند.',

  // The server's start screen
  'Signed in as {name}': 'واردشده با نام {name}',
  'A team server: everyone works on the same projects at once, and sees the others’ changes as they are made.':
    'سرور گروه: همه هم‌زمان روی پروژه‌های یکسان کار می‌کنند و تغییرهای دیگران را همان لحظه می‌بینند.',
  'Your projects': 'پروژه‌های شما',
  'You have no role in any project yet: ask a project’s owner to add you.': 'هنوز در هیچ پروژه‌ای نقشی ندارید: از مالک یک پروژه بخواهید شما را بیفزاید.',
  'New project': 'پروژهٔ جدید',
  'e.g. B2B marketing review': 'مثلاً مرور بازاریابی B2B',
  'Create project': 'ساختن پروژه',
  'Publish a project file': 'انتشار یک فایل پروژه',
  'A .groundwork file becomes a project of this server, with its history; each of its coders becomes a user (or the user of the same name), with the coder role.':
    'یک فایل \u2066.groundwork\u2069 با تاریخچه‌اش پروژه‌ای از این سرور می‌شود؛ هر کدگذارِ آن کاربری می‌شود (یا به کاربرِ هم‌نام می‌رسد) با نقش کدگذار.',
  '{coder} → {user} (new user)': '{coder} ← {user} (کاربر تازه)',
  '{coder} → {user}': '{coder} ← {user}',
  'Published. Its coders and their users: {list}': 'منتشر شد. کدگذارانش و کاربرانشان: {list}',
  'Projects that come with Groundwork': 'پروژه‌هایی که همراه گراندورک می‌آیند',
  'The example project and the published study, as projects of this server that every member shares.':
    'پروژهٔ نمونه و پژوهشِ منتشرشده، به‌صورت پروژه‌هایی از این سرور که همهٔ اعضا در آن شریک‌اند.',
  'Open the example project': 'باز کردن پروژهٔ نمونه',
} satisfies Record<string, string>;
