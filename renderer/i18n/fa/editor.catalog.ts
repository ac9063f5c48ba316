// Persian for the reader. Keys are the English text passed to t().
export default {
  "Reader": "متن منبع",
  "Open a source from the list to read and code it.": "برای خواندن و کدگذاری، منبعی را از فهرست باز کنید.",
  "Close source": "بستن منبع",
  "Text of {name}": "متن {name}",
  "Extend selections to whole words": "گسترش انتخاب به واژه‌های کامل",
  "A selection made with the mouse grows to whole words": "انتخابی که با موشواره انجام شود تا واژه‌های کامل گسترش می‌یابد",
  "Arrow keys move the caret, Ctrl with an arrow by word; Shift selects. C codes the selection, I codes it in vivo, L with the last concept. Alt with the up or down arrow goes to the next coded passage, Enter opens it.":
    "کلیدهای جهت‌نما مکان‌نما را جابه‌جا می‌کنند و همراه با Ctrl واژه به واژه؛ با Shift انتخاب می‌شود. C انتخاب را کدگذاری می‌کند، I به‌صورت در-زنده، L با آخرین مفهوم. Alt با جهت‌نمای بالا یا پایین به قطعهٔ کدگذاری‌شدهٔ بعدی می‌رود و Enter آن را باز می‌کند.",
} satisfies Record<string, string>;
