// Persian for Table 8's “why they differ” notes and the study builder's messages. Keys are English templates (shared/domain/message.ts).
export default {
  // Why a reproduced figure differs from the reported one (shared/domain/study-notes.ts): the figures shown.
  "Main categories {difference}: {reproduced} here, {reported} reported.": "مقوله‌های اصلی {difference}: {reproduced} در اینجا، {reported} در گزارش مقاله.",
  "Concepts {difference}: {reproduced} here, {reported} reported.": "مفاهیم {difference}: {reproduced} در اینجا، {reported} در گزارش مقاله.",
  "Across the readings, main categories run from {lowDifference} to {highDifference}.": "در میان خوانش‌ها، تفاوت مقوله‌های اصلی از {lowDifference} تا {highDifference} است.",
  "Across the readings, concepts run from {lowDifference} to {highDifference}.": "در میان خوانش‌ها، تفاوت مفاهیم از {lowDifference} تا {highDifference} است.",
  "Main categories and concepts as reported.": "مقوله‌های اصلی و مفاهیم همان‌اند که گزارش شده.",
  // What the study says about each row under every reading (electron/backend/study-notes.ts).
  "Its 4 Table 7 category rows are its 4 main categories; the enumeration inside row 615 counts as one item only when phrases are merged.": "۴ ردیف مقولهٔ آن در جدول ۷ همان ۴ مقولهٔ اصلی آن‌اند؛ شمارش درون ردیف ۶۱۵ تنها وقتی عبارت‌ها ادغام شوند یک گویه به شمار می‌آید.",
  "Its 2 main categories are the 2 Table 7 dimensions (operations and process, 8 sub-categories; tools and platforms, 10 sub-categories); how the software and PR lists are cut into items moves its concepts most.": "۲ مقولهٔ اصلی آن همان ۲ بُعد جدول ۷ است (عملیات و فرایند، ۸ زیرمقوله؛ ابزارها و پلتفرم‌ها، ۱۰ زیرمقوله)؛ شیوهٔ تقسیم فهرست‌های نرم‌افزار و روابط عمومی به گویه‌ها بیشترین اثر را بر شمار مفاهیم آن دارد.",
  "The reported 13 equals the 13 items of the change-management row alone; the other two category rows add 7 under every reading.": "عدد ۱۳ گزارش‌شده برابر ۱۳ گویهٔ ردیف مدیریت تغییر به‌تنهایی است؛ دو ردیف مقولهٔ دیگر در هر خوانشی ۷ گویه می‌افزایند.",
  "Its 4 Table 7 category rows hold the same 27 items under every reading.": "۴ ردیف مقولهٔ آن در جدول ۷ در هر خوانشی همان ۲۷ گویه را دارند.",
  "The strict comma split gives exactly the reported 17.": "تفکیک دقیق با ویرگول درست همان ۱۷ گزارش‌شده را می‌دهد.",
  "Table 7 gives the consequences one dimension (the KPIs, 15 metric rows) and no main categories: those come from the abstracts or the narrative, as the reading of the consequences says. Counting the bracketed CRM sub-metrics one by one would add about 18 concepts.": "جدول ۷ برای پیامدها یک بُعد (شاخص‌های کلیدی عملکرد، ۱۵ ردیف سنجه) آورده و مقولهٔ اصلی ندارد: مقوله‌های اصلی از چکیده‌ها یا متن مقاله می‌آیند، چنان‌که خوانش پیامدها می‌گوید. شمردن تک‌تک زیرسنجه‌های داخل کروشهٔ \u2068CRM\u2069 حدود ۱۸ مفهوم می‌افزاید.",
  "17 main categories are identifiable in Table 7; the others are outcomes the abstracts name as consequences (3 or 4, by the reading). Table 7 has 48 category rows.": "۱۷ مقولهٔ اصلی در جدول ۷ شناختنی است؛ بقیه پیامدهایی است که چکیده‌ها نام می‌برند (بسته به خوانش ۳ یا ۴). جدول ۷ ۴۸ ردیف مقوله دارد.",
  // Building the study project.
  "The study data {path} cannot be read: {reason}": "دادهٔ مطالعه در {path} خوانده نمی‌شود: {reason}",
  "The study's maturity defaults name unknown categories: {codes}.": "پیش‌فرض‌های مدل بلوغ مطالعه مقوله‌های ناشناخته‌ای را نام می‌برند: {codes}.",
} satisfies Record<string, string>;
