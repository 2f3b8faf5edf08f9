import { pinyin } from 'pinyin-pro';

/** Chinese characters to toneless pinyin through pinyin-pro (maintained dictionary, with polyphones in context). 耐克 reads "naike". */
export function transliterateHan(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
}
