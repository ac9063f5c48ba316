// The five CMMI maturity levels as the study prints them (its list and Table 1), the default
// levels of every project's maturity model. Copied from the study data (cmmi-levels.json); a test
// checks this copy against that file. Level 5's Table 1 label keeps the printed typo "پهینه"
// (for بهینه) in table1LabelFa; the names shown on screen come from the list, which spells it right.

export interface CmmiLevel {
  level: number;
  nameFa: string;
  nameFaFull: string;
  nameEn: string;
  table1LabelFa: string;
  descriptionFa: string;
  descriptionEn: string;
  characteristicsFa: readonly string[];
  characteristicsEn: readonly string[];
}

export const CMMI_MODEL = { nameEn: "Capability Maturity Model Integration (CMMI)", nameFa: "مدل بلوغ قابلیت یکپارچه" } as const;

export const CMMI_LEVELS: readonly CmmiLevel[] = [
  {
    level: 1,
    nameFa: "اولیه",
    nameFaFull: "سطح یک (اولیه)",
    nameEn: "Initial",
    table1LabelFa: "سطح ۱ (اولیه)",
    descriptionFa: "در این سطح فرایندها غیر قابل پیش بینی و به صورت واکنشی هستند. معمولاً کارها دیرتر از زمان مقرر و با هزینه بیشتر از بودجه مقرر انجام میشود. در سطح اولیه فضای سازمان غیرقابل پیش بینی است و ریسکها و ناکارآمدی افزایش مییابد.",
    descriptionEn: "Processes are unpredictable and reactive; work is usually late and over budget; the environment is unpredictable and risk and inefficiency grow.",
    characteristicsFa: [
      "فرایندها اتفاقی بوده (بودن تکرار)",
      "محیط پایداری بهمنظور حمایت از فرایندها فراهم نیست",
      "دستیابی به موفقیت به شایستگی و توانمندی افراد سازمان بستگی دارد نه به استفاده از فرایندهای تثبیت شده",
      "سازمان خدماتی را فراهم میکند که اغلب تا حدودی جوابگوی نیازهایش است",
      "معمولاً سازمان بیش از بودجه خرج کرده و یا عملکردش دارای انحراف منفی نسبت به برنامهریزی است",
      "ترک کردن فرایندها در شرایط بحرانی",
      "عدم تکرار پذیری موفقیتها",
    ],
    characteristicsEn: [
      "Processes are ad hoc (printed '(بودن تکرار)', presumably 'بدون تکرار' = without repetition)",
      "No stable environment to support processes",
      "Success depends on individuals' competence, not on established processes",
      "The organization provides services that often only partly meet its needs",
      "The organization usually overspends its budget or performs behind plan",
      "Processes are abandoned in crises",
      "Successes are not repeatable",
    ],
  },
  {
    level: 2,
    nameFa: "مدیریت شده",
    nameFaFull: "سطح دو (مدیریت شده)",
    nameEn: "Managed",
    table1LabelFa: "سطح ۲ (مدیریت شده)",
    descriptionFa: "در این سطح اقدامات اولیه مدیریت پروژه صورت میگیرد. پروژهها، برنامهریزی، اجرا، ارزیابی و کنترل میشوند. اما همچنان مشکلات زیادی وجود دارد.",
    descriptionEn: "Basic project management is in place: projects are planned, executed, assessed and controlled, but many problems remain.",
    characteristicsFa: [
      "پایدار کردن خدمات و فرایندها",
      "تعریف استراتژی خدمات و برنامههای کاربردی",
      "نظارت و کنترل بر کارها با توجه به برنامه",
      "نهادینه شدن ساختار مدیریت و ساختار فرایندها و اطمینانیابی از کیفیت محصولات",
      "مدیریت گروههای کاری، فعالیتهای کاری، محصولات کاری و خدمات",
      "فراهم بودن منابع کافی",
      "تخصیص مسئولیتهای اجرای فرایند و آموزش به کارکنان در خصوص فرایندها",
      "ایجاد اطمینان نسبت به حفظ اقدامات موجود، در هنگام فشار و تنش",
    ],
    characteristicsEn: [
      "Stabilizing services and processes",
      "Defining the service strategy and applications",
      "Monitoring and controlling work against the plan",
      "Institutionalized management and process structures; assurance of product quality",
      "Managing work groups, work activities, work products and services",
      "Adequate resources available",
      "Assigning responsibility for process execution and training staff on processes",
      "Ensuring existing practices are retained under pressure and stress",
    ],
  },
  {
    level: 3,
    nameFa: "تعریف شده",
    nameFaFull: "سطح سه (تعریف شده)",
    nameEn: "Defined",
    table1LabelFa: "سطح ۳ (تعریف شده)",
    descriptionFa: "در این سطح سازمانها به جای رفتار واکنشی بیشتر به سمت پیش بینی و برنامهریزی حرکت میکنند. مجموعهای از استانداردهای سازمانی برای راهنمایی در اجرای پروژهها و برنامهها وجود دارد. در سطح تعریف شده کسبوکارها نواقص خود، روش برطرف کردن آن و اهداف در راستای بهبود را میشناسند.",
    descriptionEn: "Organizations move from reactive to proactive planning; organizational standards guide projects and programmes; the business knows its shortcomings, how to fix them and its improvement goals.",
    characteristicsFa: [
      "استفاده از فرایندهای تعریف شده بهمنظور مدیریت کارها مد نظر قرار دارد.",
      "نهادینه کردن اصول مدیریتی در فرایندها برای ارائه بهترین نحوه ارائه خدمات، و با هدف جلوگیری و حل مشکلات در مجموعه فرایندهای استاندارد گنجانده میشود.",
      "خدمات ارائه شده، الزامات مورد نظر ذینفعان را برآورده کرده و معتبر هستند.",
      "فرایندها به خوبی مشخص و درک شدند و در استانداردها، رویهها، ابزارها و روشها توصیف شدند.",
      "مجموعه فرایندهای استاندارد این سطح، به مرور زمان ایجاد شدند و بهبود یافتند.",
      "تفاوت سطح ۲ و ۳ این است که در سطح ۲، به فراخور موقعیت، استانداردها، شرح فرایندها میتوانند متفاوت باشند و در هر موقعیت خاص، متفاوت از یکدیگر باشند، اما در سطح ۳، استانداردها، شرح فرایندها و محصولات کاری در مجموعه استانداردهای فرایندهای سازمان برای گروههای کاری معین یا واحدهای سازمانی خاص، مشخص شدند. بنابراین به جز در مواردی که استثناها مجاز باشند، مفاهیم سازگارتری وجود دارد.",
      "تفاوت بعدی در قوت فرایندهای سطح ۳ نسبت به سطح ۲ است. یک فرایند تعریف شده، به طور واضح هدف، نهادهها، معیارهای ورودی، فعالیتها، نقشها، سنجها، گامهای تأیید، خروجیها و معیارهای خروجیها را مشخص میکند.",
    ],
    characteristicsEn: [
      "Defined processes are used to manage work",
      "Management principles are institutionalized in the standard process set to deliver services well and to prevent and solve problems",
      "Delivered services meet stakeholder requirements and are valid",
      "Processes are well characterized and understood and are described in standards, procedures, tools and methods",
      "The organization's set of standard processes is established and improved over time",
      "Difference from level 2: at level 2 standards and process descriptions may differ per situation; at level 3 they come from the organization's standard set, so they are more consistent",
      "Level-3 processes are defined more rigorously: purpose, inputs, entry criteria, activities, roles, measures, verification steps, outputs and exit criteria",
    ],
  },
  {
    level: 4,
    nameFa: "کمی شده",
    nameFaFull: "سطح چهار (کمی شده)",
    nameEn: "Quantitatively Managed",
    table1LabelFa: "سطح ۴ (کمی شده)",
    descriptionFa: "در این سطح کنترل و ارزیابی بیشتری وجود دارد. سازمانها با استفاده از دادههای کمی، فرایندهای مورد نیاز ذینفعان را پیش بینی میکنند. کسبوکار، جلوتر از ریسکها در حرکت است.",
    descriptionEn: "More control and measurement: quantitative data are used to predict the processes stakeholders need; the business stays ahead of risks.",
    characteristicsFa: [
      "مدیریت، اهداف کمی ایجاد میکند تا کیفیت و اجرای فرایندها را بسنجد.",
      "اهداف کمی بر مبنای نیازهای مشتریان، استفادهکنندگان نهایی، سازمان، و مجریان فرایندها تدوین شدند.",
      "کیفیت و اجرای فرایند، با توجه به مفاهیم آماری درک میشود.",
      "روابط بین زیر فرایندهای مختلف و تأثیر آنها بر دستیابی به اهداف مربوط به کیفیت و عملکرد فرایند، درک میشود.",
      "تمرکز بر فرایندهایی است که بیشترین ارزش افزوده کلی را برای کسبوکار دارند.",
      "استقرار اهداف «کیفی» برای «عملکرد فرایندها» مورد توجه قرار میگیرد.",
      "تمایز اساسی بین سطح ۳ و ۴ بلوغ در پیشبینیپذیری عملکرد فرایندها است. در سطح بلوغ ۴، عملکرد فرایندها با استفاده از روشهای آماری و سایر تکنیکهای کمی کنترل شده است و پیشبینیها بر مبنای تحلیلهای آماری پردازش دادهها هستند.",
    ],
    characteristicsEn: [
      "Management sets quantitative objectives to measure process quality and execution",
      "Quantitative objectives are based on the needs of customers, end users, the organization and process implementers",
      "Process quality and performance are understood in statistical terms",
      "Relationships among sub-processes and their effect on quality and performance objectives are understood",
      "Focus on the processes that add the most overall value to the business",
      "Quality objectives for process performance are established",
      "Difference from level 3: predictability of process performance, controlled with statistical and other quantitative techniques; predictions rest on statistical analysis of data",
    ],
  },
  {
    level: 5,
    nameFa: "سطح بهینه",
    nameFaFull: "سطح پنج (سطح بهینه)",
    nameEn: "Optimizing",
    table1LabelFa: "سطح ۵ (پهینه)",
    descriptionFa: "در این سطح فرایندهای سازمان منطقی و پایدار هستند. در سطح پایانی، سازمان در وضعیت بهبود منظم و استفاده از فرصتها خواهد بود. در سطح بهینه سازمان پایدار تر و پیش بینی پذیرتر است، که این امر فضا را برای چابکی و خلاقیت باز میکند (انستیتو CMMI، ۲۰۱۸).",
    descriptionEn: "Processes are rational and stable; the organization improves continuously and exploits opportunities; being more stable and predictable leaves room for agility and creativity (CMMI Institute, 2018).",
    characteristicsFa: [
      "سازمان به صورت پیوسته فرایندها را بر مبنای درک کمی اهداف کسبوکار، و نیازهای عملکردی بهبود میدهد.",
      "سازمان از روش کمی برای درک انحرافات ذاتی فرایندها و دلایل خروجی فرایندها، استفاده میکند.",
      "اهداف «کیفی» و «عملکرد فرایند» ایجاد و به طور پیوسته تجدیدنظر شده تا تغییرات در اهداف کسبوکار را منعکس کنند.",
      "مجموعهای از استانداردها و فرایندهای تعریف شده برای حمایت از اهداف سازمان وجود دارد.",
      "یکی از تفاوتهای مهم سطح ۴ و ۵ بلوغ در تمرکز بر مدیریت و بهبود عملکرد سازمان است. در سطح ۴، سازمان و گروههای کاری بر درک و کنترل در سطح زیر فرایندها متمرکزند و از نتایج آنها بهمنظور مدیریت فرایندها استفاده میکنند. در سطح بلوغ ۵، سازمان از طریق جمعآوری دادهها از گروههای کاری مختلف، با عملکرد کل سازمان سر و کار دارد.",
    ],
    characteristicsEn: [
      "Continuously improves processes based on a quantitative understanding of business objectives and performance needs",
      "Uses a quantitative approach to understand inherent process variation and the causes of process outcomes",
      "Quality and process-performance objectives are set and continually revised to reflect changing business objectives",
      "A set of standards and defined processes supports organizational objectives",
      "Difference from level 4: focus on managing and improving organizational performance; level 4 controls sub-processes, level 5 addresses whole-organization performance using data collected from multiple work groups",
    ],
  },
];

/**
 * The label a level shows in Persian: the list's short name, without the word "سطح" that the
 * list prints for level 5 only ("سطح بهینه" → "بهینه"), so the five names read alike.
 */
export const cmmiLabelFa = (level: CmmiLevel) => level.nameFa.replace(/^سطح\s+/, '');
