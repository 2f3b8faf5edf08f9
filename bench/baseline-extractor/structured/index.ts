import type { CheerioAPI } from 'cheerio';
import type { FactLayer } from './facts.ts';
import { productFromJsonLd, readJsonLd, type JsonLdNode } from './json-ld.ts';
import { productFromMicrodata } from './microdata.ts';
import { productFromOpenGraph, readOpenGraph } from './opengraph.ts';

export type { FactLayer, FactSource, ProductFacts } from './facts.ts';
export { isStructured } from './facts.ts';
export { itemListUrls, typesOf, type JsonLdNode } from './json-ld.ts';
export { jsonAfter, balancedEnd } from './json-scan.ts';
export { mergeProductFacts } from './merge.ts';

/** The generic structured data of a page, read once and shared by every site module. */
export interface StructuredData {
  jsonLd: JsonLdNode[];
  openGraph: Record<string, string>;
  /** Product facts from JSON-LD, microdata and OpenGraph, in that order of trust. */
  productLayers: FactLayer[];
}

export function readStructuredData($: CheerioAPI, warn: (message: string) => void): StructuredData {
  const jsonLd = readJsonLd($, warn);
  const openGraph = readOpenGraph($);
  const layers: FactLayer[] = [];
  const fromJsonLd = productFromJsonLd(jsonLd);
  if (fromJsonLd) layers.push({ source: 'json-ld', facts: fromJsonLd });
  const fromMicrodata = productFromMicrodata($);
  if (fromMicrodata) layers.push({ source: 'microdata', facts: fromMicrodata });
  const fromOpenGraph = productFromOpenGraph(openGraph);
  if (fromOpenGraph) layers.push({ source: 'opengraph', facts: fromOpenGraph });
  return { jsonLd, openGraph, productLayers: layers };
}
