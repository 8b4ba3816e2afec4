/** The command's own messages, German first, English with --lang en. */
export type Lang = 'de' | 'en';

export function t(lang: Lang, de: string, en: string): string {
  return lang === 'en' ? en : de;
}
