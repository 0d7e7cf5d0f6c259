/**
 * The contracts carry bilingual labels for their codes (INSPECTION_KIND_LABELS…); the message files
 * take them from there, one language each, so a code's label has one source.
 */
export const pickLabels = <K extends string>(
  labels: Readonly<Record<K, { zh: string; en: string }>>,
  language: 'zh' | 'en',
): Record<K, string> =>
  Object.fromEntries(
    Object.entries(labels).map(([code, label]) => [code, (label as { zh: string; en: string })[language]]),
  ) as Record<K, string>;
