// Persian for the reader. Keys are the English text passed to t().
export default {
  "Reader": "متن منبع",
  "Open a source from the list to read and code it.": "برای خواندن و کدگذاری، منبعی را از فهرست باز کنید.",
  "Close source": "بستن منبع",
} satisfies Record<string, string>;
