// The six components of the Strauss & Corbin paradigm model, in the order of the study's Table 8.
// The keys are stored in project files: never rename one.

export const COMPONENT_KEYS = [
  'causal',
  'context',
  'intervening',
  'phenomenon',
  'strategies',
  'consequences',
] as const;

export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
  causal: 'Causal conditions',
  context: 'Context',
  intervening: 'Intervening conditions',
  phenomenon: 'Core phenomenon',
  strategies: 'Strategies',
  consequences: 'Consequences',
};

/** One line each, shown where a researcher assigns a main category. */
export const COMPONENT_HINTS: Record<ComponentKey, string> = {
  causal: 'Events and conditions that lead to the core phenomenon.',
  context: 'The specific conditions in which strategies are taken.',
  intervening: 'Broader conditions that ease or constrain the strategies.',
  phenomenon: 'The central idea the actions and interactions are about.',
  strategies: 'Actions and interactions taken in response to the phenomenon.',
  consequences: 'The outcomes of the strategies.',
};

export const isComponentKey = (value: string): value is ComponentKey =>
  (COMPONENT_KEYS as readonly string[]).includes(value);

/** The components' labels as the study prints them (Table 8, line 691–696) and in English. */
export const COMPONENT_LABELS_FA: Record<ComponentKey, string> = {
  causal: 'شرایط علی',
  context: 'شرایط زمینهای',
  intervening: 'شرایط مداخلهگر',
  phenomenon: 'پدیده اصلی',
  strategies: 'راهبردها',
  consequences: 'پیامدها',
};
