// Stop lists for word frequencies: the commonest function words of Persian, Arabic and English.
// Hand-made for Groundwork (short on purpose: prepositions, conjunctions, pronouns, auxiliaries and
// particles a researcher would not want to see at the top of a frequency table); not taken from a
// published list. Compared after the search normalisation, so كه/که, ي/ی and ZWNJ spellings all count.

import { foldText } from './search-text';

const PERSIAN = `
و در به از که این را با است برای آن یا تا بر هم نیز اما هر چه چون اگر پس بود شد شود شده می
نمی ها های ای ی او ما شما آنها ایشان من تو خود همه هیچ دیگر یک دو بین روی زیر پیش بعد
باید نباید کرد کند کنند کرده کنیم میکند میکنند میشود میشوند خواهد است هست نیست بوده باشد باشند
دارد دارند داشت داشته ولی بلکه همچنین چنین چنان آنکه اینکه چرا کجا کی چگونه چطور وقتی زیرا
نه بی طور توسط هستند انجام نشان دهد دهند میدهد میدهند گیرد میگیرد کنید شوند سایر درباره مانند مثل همین همان آیا حتی فقط تنها بسیار خیلی چند کدام ها را ها
`;

const ARABIC = `
في من إلى على عن مع أن إن كان كانت هذا هذه ذلك تلك التي الذي الذين هو هي هم هن أنا نحن
أنت ما لا لم لن قد ثم أو أم بل حتى إذا إذ كل بعض غير بين عند لدى منذ حيث كما لكن لأن
و ف ب ل ك يكون تكون يمكن أي أيضا فقط ذات عبر حول خلال دون نحو هناك هنا كيف متى لماذا
التى الى علي به بها له لها لهم منه منها عليه عليها فيه فيها
`;

const ENGLISH = `
a an the and or but nor so yet of in on at to for from by with about as into onto over under
is are was were be been being am do does did has have had having will would shall should can
could may might must it its this that these those there here he she they we you i me him her
them us our your their his my not no than then also such which who whom whose what when where
why how all any each both more most other some very just only own same too s t
`;

const list = (words: string) => words.split(/\s+/u).filter(Boolean).map(foldText);

/** Every stop word, normalised as search normalises (so all spellings of one word are one entry). */
export const STOP_WORDS: ReadonlySet<string> = new Set([...list(PERSIAN), ...list(ARABIC), ...list(ENGLISH)]);

export const STOP_LIST_SIZES = { persian: new Set(list(PERSIAN)).size, arabic: new Set(list(ARABIC)).size, english: new Set(list(ENGLISH)).size };
