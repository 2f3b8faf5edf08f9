import type { XmlElement } from '../xml/index.ts';

/** True when a multilingual element (`languageCode` or `languageCodeType`) is in English. */
export function isEnglish(version: XmlElement): boolean {
  const code = version.attrs.languageCode ?? version.attrs.languageCodeType;
  return code !== undefined && (code === 'en' || code.toLowerCase() === 'en');
}

/**
 * The English version of a multilingual element (EUIPO repeats goods texts and translations in
 * each language with `languageCode`), or the first version when there is no English one.
 */
export function preferEnglish(versions: readonly XmlElement[]): XmlElement | undefined {
  return versions.find(isEnglish) ?? versions[0];
}
