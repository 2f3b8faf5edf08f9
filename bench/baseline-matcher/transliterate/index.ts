export { transliterate } from './transliterate.ts';
export { countScripts, dominantScript, scriptOf, type Script } from './detect-script.ts';
