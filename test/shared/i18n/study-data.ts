// The study's English notes that the interface shows (fixtures/study/study.json): each reading's
// label and explanation and its options', the sources of the reading categories, the parse notes.
// Their Persian is in shared/i18n/fa/study-data.catalog.ts, keyed by the English as stored.

interface StudyJson {
  readings: { en: string; explanation: string; options: { en: string; explanation: string; categories?: { source: string }[] }[] }[];
  categories: { parseNotes: string[] }[];
}

export function studyDataTexts(data: StudyJson): string[] {
  const texts = new Set<string>();
  for (const reading of data.readings) {
    texts.add(reading.en);
    texts.add(reading.explanation);
    for (const option of reading.options) {
      texts.add(option.en);
      texts.add(option.explanation);
      for (const category of option.categories ?? []) texts.add(category.source);
    }
  }
  for (const category of data.categories) for (const note of category.parseNotes) texts.add(note);
  return [...texts];
}
