// natural's phonetics module imported directly: the package root pulls in the whole NLP toolkit.
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  export default class DoubleMetaphone {
    process(token: string, maxLength?: number): string[];
  }
}
