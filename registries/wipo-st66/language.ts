import type { XmlElement } from '../xml/index.ts';

/**
 * The English version of a multilingual element (EUIPO repeats goods texts and translations in
 * each language with `languageCode`), or the first version when there is no English one.
 */
export function preferEnglish(versions: readonly XmlElement[]): XmlElement | undefined {
  const english = versions.find(
    (v) => (v.attrs.languageCode ?? v.attrs.languageCodeType)?.toLowerCase() === 'en',
  );
  return english ?? versions[0];
}
