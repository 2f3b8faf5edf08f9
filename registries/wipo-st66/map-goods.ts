import type { NiceClassification } from '../../core/filing.ts';
import type { XmlElement } from '../xml/index.ts';
import { isEnglish } from './language.ts';

export interface St66Goods {
  classes: NiceClassification[];
  /** Class numbers outside Nice 1..45 (old national classes), kept for the record. */
  otherClasses: string[];
  /** USPTO national (pre-Nice US) classes per Nice class. */
  usClasses: Record<string, string[]>;
}

/**
 * Classes and goods of a `GoodsServicesDetails` block: every `GoodsServices`, the first
 * `ClassDescriptionDetails` of each, every `ClassDescription` in it. Each element is visited once
 * (this runs on every record of a bulk file).
 */
export function st66Goods(details: XmlElement | undefined): St66Goods {
  const result: St66Goods = { classes: [], otherClasses: [], usClasses: {} };
  if (!details) return result;
  for (const goodsServices of details.children) {
    if (goodsServices.name !== 'GoodsServices') continue;
    for (const list of goodsServices.children) {
      if (list.name !== 'ClassDescriptionDetails') continue;
      for (const description of list.children) {
        if (description.name === 'ClassDescription') readClassDescription(description, result);
      }
      break; // only the first ClassDescriptionDetails
    }
  }
  return result;
}

function readClassDescription(description: XmlElement, result: St66Goods): void {
  let number: XmlElement | undefined;
  let statusCode: XmlElement | undefined;
  let ext: XmlElement | undefined;
  let firstGoods: XmlElement | undefined;
  let englishGoods: XmlElement | undefined;
  for (const c of description.children) {
    const name = c.name;
    if (name === 'ClassNumber') number ??= c;
    else if (name === 'GoodsServicesDescription') {
      firstGoods ??= c;
      if (!englishGoods && isEnglish(c)) englishGoods = c;
    } else if (name === 'ClassDescriptionExt') ext ??= c;
    else if (name === 'ClassNumberStatusCode') statusCode ??= c;
  }
  const numberText = number?.text || null;
  if (!numberText) return;
  const niceClass = Number(numberText);
  if (!Number.isInteger(niceClass) || niceClass < 1 || niceClass > 45) {
    result.otherClasses.push(numberText);
    return;
  }
  let statusText: string | null = null;
  let usClasses: string[] | null = null;
  if (ext) {
    let statusElement: XmlElement | undefined;
    for (const c of ext.children) {
      if (c.name === 'ClassNumberStatusDescriptionText') statusElement ??= c;
      else if (c.name === 'DomesticClassNumbers' && c.text !== '') (usClasses ??= []).push(c.text);
    }
    statusText = statusElement?.text || null;
  }
  result.classes.push({
    niceClass,
    goods: (englishGoods ?? firstGoods)?.text || null,
    status: statusText ?? (statusCode?.text || null),
  });
  if (usClasses) result.usClasses[String(niceClass)] = usClasses;
}
