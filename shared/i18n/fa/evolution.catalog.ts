// Persian for the backend's text about waves and baselines. Keys are English templates (shared/domain/message.ts).
export default {
  "There is already a wave “{a}”; choose another name.": "موجی به نام «{a}» هست؛ نام دیگری برگزینید.",
  "There is already a baseline “{a}”; choose another name.": "خط مبنایی به نام «{a}» هست؛ نام دیگری برگزینید.",
  "No source came in with the import batch “{a}”.": "هیچ منبعی با دستهٔ ورود «{a}» وارد نشده است.",
  "That wave no longer exists.": "آن موج دیگر وجود ندارد.",
  "That baseline no longer exists.": "آن خط مبنا دیگر وجود ندارد.",
  "The baseline “{a}” cannot be read ({reason}).": "خط مبنای «{a}» خوانده نمی‌شود ({reason}).",
  "Choose at least one import batch for the wave.": "دست‌کم یک دستهٔ ورود برای موج برگزینید.",
  "Give the first or the last publication year of the wave (or both).": "نخستین یا واپسین سال انتشار موج را بنویسید (یا هر دو را).",
  "A year is a whole number from 1 to 9999 ({year} is not).": "سال عددی صحیح از ۱ تا ۹۹۹۹ است ({year} نیست).",
  "The wave’s years run backwards ({fromYear} to {toYear}).": "سال‌های موج وارونه‌اند ({fromYear} تا {toYear}).",
  "Give the {attribute} the wave’s sources have.": "مقدار {attribute} را که منابع این موج دارند بنویسید.",
} satisfies Record<string, string>;
