import type { ImageHashes, LogoHashes, LogoPart, LogoVariant } from './hash-logo.ts';
import { hashFromHex, hashToHex } from './hash64.ts';
import type { VariantEdit } from './query-variants.ts';

/** One image's hashes as 16-digit hex. */
export type ImageHashesJson = { dct: string; block: string; shape?: string; detail?: string };

/**
 * LogoHashes as plain JSON (hashes as 16-digit hex), for a jsonb column or a file: a stored logo
 * keeps its second reading and parts, so an index rebuilt from storage still finds an icon shown
 * beside a word.
 */
export type LogoHashesJson = ImageHashesJson & {
  dctMirrored: string;
  blockMirrored: string;
  shapeMirrored?: string;
  detailMirrored?: string;
  alternates: ImageHashesJson[];
  parts: (ImageHashesJson & { kind: LogoPart['kind']; box: LogoPart['box'] })[];
  variants: (ImageHashesJson & { edit: VariantEdit })[];
};

const SIDES = ['left', 'top', 'right', 'bottom'];

export function logoHashesToJson(hashes: LogoHashes): LogoHashesJson {
  return {
    ...imageToJson(hashes),
    dctMirrored: hashToHex(hashes.dctMirrored),
    blockMirrored: hashToHex(hashes.blockMirrored),
    ...(hashes.shapeMirrored === undefined ? {} : { shapeMirrored: hashToHex(hashes.shapeMirrored) }),
    ...(hashes.detailMirrored === undefined
      ? {}
      : { detailMirrored: hashes.detailMirrored.toString(16).padStart(64, '0') }),
    alternates: hashes.alternates.map(imageToJson),
    parts: hashes.parts.map((p) => ({ kind: p.kind, box: p.box, ...imageToJson(p) })),
    variants: hashes.variants.map((v) => ({ edit: v.edit, ...imageToJson(v) })),
  };
}

function imageToJson(image: ImageHashes): ImageHashesJson {
  return {
    dct: hashToHex(image.dct),
    block: hashToHex(image.block),
    ...(image.shape === undefined ? {} : { shape: hashToHex(image.shape) }),
    ...(image.detail === undefined ? {} : { detail: image.detail.toString(16).padStart(64, '0') }),
  };
}

/** Reads what logoHashesToJson wrote; a malformed value is a RangeError naming the field and value. */
export function logoHashesFromJson(json: unknown): LogoHashes {
  const o = objectAt(json, 'logo hashes');
  const shapeMirrored = optionalHexAt(o, 'shapeMirrored', 'logo hashes');
  const detailMirrored = optionalDetailAt(o, 'detailMirrored', 'logo hashes');
  return {
    ...imageAt(o, 'logo hashes'),
    dctMirrored: hexAt(o, 'dctMirrored', 'logo hashes'),
    blockMirrored: hexAt(o, 'blockMirrored', 'logo hashes'),
    ...(shapeMirrored === undefined ? {} : { shapeMirrored }),
    ...(detailMirrored === undefined ? {} : { detailMirrored }),
    alternates: arrayAt(o.alternates ?? [], 'alternates').map((value, i) =>
      imageAt(objectAt(value, `alternates[${i}]`), `alternates[${i}]`),
    ),
    parts: arrayAt(o.parts ?? [], 'parts').map((value, i) => partAt(value, `parts[${i}]`)),
    variants: arrayAt(o.variants ?? [], 'variants').map((value, i): LogoVariant => {
      const v = objectAt(value, `variants[${i}]`);
      return { edit: editAt(v.edit, `variants[${i}].edit`), ...imageAt(v, `variants[${i}]`) };
    }),
  };
}

function partAt(value: unknown, where: string): LogoPart {
  const p = objectAt(value, where);
  if (p.kind !== 'component' && p.kind !== 'group')
    throw new RangeError(`${where}.kind is ${JSON.stringify(p.kind)}; expected "component" or "group"`);
  const box = objectAt(p.box, `${where}.box`);
  const share = (key: string) => {
    const v = box[key];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      throw new RangeError(`${where}.box.${key} is ${JSON.stringify(v)}; expected a share from 0 to 1`);
    return v;
  };
  const shares = { left: share('left'), top: share('top'), width: share('width'), height: share('height') };
  return { kind: p.kind, box: shares, ...imageAt(p, where) };
}

function imageAt(o: Record<string, unknown>, where: string): ImageHashes {
  const shape = optionalHexAt(o, 'shape', where);
  const detail = optionalDetailAt(o, 'detail', where);
  return {
    dct: hexAt(o, 'dct', where),
    block: hexAt(o, 'block', where),
    ...(shape === undefined ? {} : { shape }),
    ...(detail === undefined ? {} : { detail }),
  };
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RangeError(`${where} is ${JSON.stringify(value)}; expected an object`);
  return value as Record<string, unknown>;
}

function arrayAt(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new RangeError(`${where} is ${JSON.stringify(value)}; expected an array`);
  return value;
}

function hexAt(o: Record<string, unknown>, key: string, where: string): bigint {
  const v = o[key];
  if (typeof v !== 'string' || !/^[0-9a-f]{16}$/i.test(v))
    throw new RangeError(`${where}.${key} is ${JSON.stringify(v)}; expected 16 hex digits`);
  return hashFromHex(v);
}

function optionalHexAt(o: Record<string, unknown>, key: string, where: string): bigint | undefined {
  return o[key] === undefined ? undefined : hexAt(o, key, where);
}

function optionalDetailAt(o: Record<string, unknown>, key: string, where: string): bigint | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^[0-9a-f]{64}$/i.test(v))
    throw new RangeError(`${where}.${key} is ${JSON.stringify(v)}; expected 64 hex digits`);
  return BigInt(`0x${v}`);
}

function editAt(value: unknown, where: string): VariantEdit {
  const e = objectAt(value, where);
  if (e.kind === 'rotated' && typeof e.degrees === 'number') return { kind: 'rotated', degrees: e.degrees };
  if (e.kind === 'cropped' && SIDES.includes(e.side as string) && typeof e.share === 'number')
    return { kind: 'cropped', side: e.side as 'left', share: e.share };
  throw new RangeError(`${where} is ${JSON.stringify(value)}; expected a rotation or a crop`);
}
