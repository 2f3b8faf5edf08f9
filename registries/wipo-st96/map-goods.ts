import type { NiceClassification } from '../../core/filing.ts';
import { preferEnglish } from '../wipo-st66/index.ts';
import { allAt, childrenNamed, findAll, textAt, type XmlElement } from '../xml/index.ts';

export interface St96Goods {
  classes: NiceClassification[];
  otherClasses: string[];
  /** National (pre-Nice US) classes per Nice class: `Domestic` in v2.x, `National` in the 1.0 draft. */
  nationalClasses: Record<string, string[]>;
}

const NATIONAL_KINDS = new Set(['domestic', 'national']);

/**
 * Classes of an ST.96 Trademark. Each `GoodsServices` holds the class number and goods text in a
 * `ClassDescription`; USPTO adds a second ClassDescription carrying only the class status, so the
 * status is read from anywhere in the GoodsServices.
 */
export function st96Goods(trademark: XmlElement): St96Goods {
  const result: St96Goods = { classes: [], otherClasses: [], nationalClasses: {} };
  for (const goodsServices of allAt(trademark, 'GoodsServicesBag/GoodsServices')) {
    const status = textAt(findAll(goodsServices, 'NationalStatusExternalDescriptionText')[0]);
    const described = allAt(goodsServices, 'ClassDescriptionBag/ClassDescription').filter((d) =>
      textAt(d, 'ClassNumber'),
    );
    const classifications = allAt(
      goodsServices,
      'GoodsServicesClassificationBag/GoodsServicesClassification',
    );
    const niceFromClassification = classifications.find(
      (c) => textAt(c, 'ClassificationKindCode')?.toLowerCase() === 'nice',
    );
    const entries = described.length > 0 ? described : niceFromClassification ? [niceFromClassification] : [];
    for (const entry of entries) {
      const number = textAt(entry, 'ClassNumber') as string;
      const niceClass = Number(number);
      if (!Number.isInteger(niceClass) || niceClass < 1 || niceClass > 45) {
        result.otherClasses.push(number);
        continue;
      }
      const goods = textAt(preferEnglish(childrenNamed(entry, 'GoodsServicesDescriptionText')));
      result.classes.push({ niceClass, goods, status });
      const national = classifications
        .filter((c) => NATIONAL_KINDS.has(textAt(c, 'ClassificationKindCode')?.toLowerCase() ?? ''))
        .map((c) => textAt(c, 'NationalClassNumber'))
        .filter((c): c is string => c !== null);
      if (national.length > 0) result.nationalClasses[String(niceClass)] = national;
    }
  }
  return result;
}
