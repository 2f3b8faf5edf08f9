import type { NiceClassification } from '../../core/filing.ts';
import { allAt, childrenNamed, textAt, type ChildIndex } from '../xml/index.ts';
import { preferEnglish } from './language.ts';

export interface St66Goods {
  classes: NiceClassification[];
  /** Class numbers outside Nice 1..45 (old national classes), kept for the record. */
  otherClasses: string[];
  /** USPTO national (pre-Nice US) classes per Nice class. */
  usClasses: Record<string, string[]>;
}

export function st66Goods(tradeMark: ChildIndex): St66Goods {
  const result: St66Goods = { classes: [], otherClasses: [], usClasses: {} };
  const descriptions = childrenNamed(tradeMark.first('GoodsServicesDetails'), 'GoodsServices').flatMap((gs) =>
    allAt(gs, 'ClassDescriptionDetails/ClassDescription'),
  );
  for (const description of descriptions) {
    const number = textAt(description, 'ClassNumber');
    if (!number) continue;
    const niceClass = Number(number);
    if (!Number.isInteger(niceClass) || niceClass < 1 || niceClass > 45) {
      result.otherClasses.push(number);
      continue;
    }
    result.classes.push({
      niceClass,
      goods: textAt(preferEnglish(childrenNamed(description, 'GoodsServicesDescription'))),
      status:
        textAt(description, 'ClassDescriptionExt/ClassNumberStatusDescriptionText') ??
        textAt(description, 'ClassNumberStatusCode'),
    });
    const usClasses = allAt(description, 'ClassDescriptionExt/DomesticClassNumbers')
      .map((c) => textAt(c))
      .filter((c): c is string => c !== null);
    if (usClasses.length > 0) result.usClasses[String(niceClass)] = usClasses;
  }
  return result;
}
