// Persian for the team server: signing in, who is signed in and their role, members and roles,
// "changed by", reconnecting, the server's start screen, and its refusals and notices
// (features/server/server-messages.ts).
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

  // The server's refusals and notices, as the backend writes them
  'The name or the password is wrong.': 'نام یا گذرواژه نادرست است.',
  'Too many failed sign-ins: try again in {n} minutes.': 'ورودهای ناموفق بیش از اندازه بوده است: {n} دقیقهٔ دیگر دوباره بکوشید.',
  'Too many failed sign-ins: try again in {n} minute.': 'ورودهای ناموفق بیش از اندازه بوده است: {n} دقیقهٔ دیگر دوباره بکوشید.',
  'You are not signed in (or your sign-in has ended): sign in again.': 'وارد نشده‌اید (یا نشستِ ورودتان به پایان رسیده است): دوباره وارد شوید.',
  'You have no role in that project (or it does not exist); ask one of its owners to add you.':
    'در آن پروژه نقشی ندارید (یا چنین پروژه‌ای نیست)؛ از یکی از مالکانش بخواهید شما را بیفزاید.',
  'You no longer have a role in “{a}”; ask one of its owners to add you again.': 'دیگر در «{a}» نقشی ندارید؛ از یکی از مالکانش بخواهید دوباره شما را بیفزاید.',
  'You are a viewer of “{a}”: you can read, search and export it; ask its owner for the coder role to change it.':
    'شما بینندهٔ «{a}» هستید: می‌توانید آن را بخوانید، جست‌وجو کنید و خروجی بگیرید؛ برای تغییر دادنش نقش کدگذار را از مالکش بخواهید.',
  'The owners of “{a}” have not let coders change its codebook; code with the concepts it has, or ask an owner.':
    'مالکانِ «{a}» به کدگذاران اجازهٔ تغییر کتاب کد را نداده‌اند؛ با مفهوم‌های موجود کدگذاری کنید یا از یک مالک بخواهید.',
  'Only an owner of “{a}” may do this ({b}); you are one of its coders.': 'فقط مالکِ «{a}» می‌تواند این کار را بکند ({b})؛ شما یکی از کدگذاران آن هستید.',
  'Only a server administrator may create or publish projects here; ask one to add you to a project.':
    'فقط مدیر سرور می‌تواند این‌جا پروژه بسازد یا منتشر کند؛ از او بخواهید شما را به پروژه‌ای بیفزاید.',
  '{a} works on project files in the desktop app and the browser mode, not on a team server: to keep a copy of a server project, use Download.':
    '{a} روی فایل‌های پروژه در برنامهٔ رومیزی و حالت مرورگر کار می‌کند، نه روی سرور گروه: برای نگه‌داشتن نسخه‌ای از پروژهٔ سرور، «دریافت» را به کار ببرید.',
  '{a} works on project files in the desktop app and the browser mode, not on a team server.':
    '{a} روی فایل‌های پروژه در برنامهٔ رومیزی و حالت مرورگر کار می‌کند، نه روی سرور گروه.',
  '“{a}” changed the same item a moment ago (“{b}”), after what your screen shows; your change was not saved. Look at it again, then make your change anew.':
    '«{a}» لحظه‌ای پیش همین مورد را تغییر داد («{b}»)، پس از آنچه صفحهٔ شما نشان می‌دهد؛ تغییر شما ذخیره نشد. دوباره به آن نگاه کنید و سپس تغییرتان را از نو بدهید.',
  'Another user changed the same item a moment ago (“{b}”), after what your screen shows; your change was not saved. Look at it again, then make your change anew.':
    'کاربر دیگری لحظه‌ای پیش همین مورد را تغییر داد («{b}»)، پس از آنچه صفحهٔ شما نشان می‌دهد؛ تغییر شما ذخیره نشد. دوباره به آن نگاه کنید و سپس تغییرتان را از نو بدهید.',
  'Your change replaced one that “{a}” made a moment ago (“{b}”).': 'تغییر شما جای تغییری را گرفت که «{a}» لحظه‌ای پیش داده بود («{b}»).',
  'The team server cannot reach its database just now and is reconnecting: nothing was changed. Try again in a moment.':
    'سرور گروه اکنون به پایگاه داده‌اش دسترسی ندارد و در حال اتصال دوباره است: چیزی تغییر نکرد. لحظه‌ای دیگر دوباره بکوشید.',
  'The team server cannot be reached just now: nothing was changed. Try again in a moment.': 'اکنون به سرور گروه دسترسی نیست: چیزی تغییر نکرد. لحظه‌ای دیگر دوباره بکوشید.',
  'The team server lost its database while saving your change: it may have been saved. Look at the project before making it again.':
    'سرور گروه هنگام ذخیرهٔ تغییر شما ارتباطش را با پایگاه داده از دست داد: شاید ذخیره شده باشد. پیش از انجام دوبارهٔ آن، پروژه را نگاه کنید.',
  '“{a}” is the project’s only owner: make someone else an owner first.': '«{a}» تنها مالکِ پروژه است: نخست کس دیگری را مالک کنید.',
  'There is no user “{a}”.': 'کاربری با نام «{a}» نیست.',
  '“{a}” is not in “{b}” any more; look again, then move it.': '«{a}» دیگر در «{b}» نیست؛ دوباره نگاه کنید و سپس جابه‌جایش کنید.',
  'None of those concepts is in “{a}” any more; look again, then move them.': 'هیچ‌یک از آن مفهوم‌ها دیگر در «{a}» نیست؛ دوباره نگاه کنید و سپس جابه‌جایشان کنید.',
} satisfies Record<string, string>;
