import { load, type CheerioAPI } from 'cheerio';
import { decodeBytes, detectCharset } from '../../crawler/marketplaces/index.ts';
import type { SellerContact } from '../../db/schema-marketplaces.ts';

/** What a seller's shop or profile page says about the shop and who runs it. */
export interface ShopFacts {
  name: string | null;
  location: string | null;
  rating: number | null;
  ratingCount: number | null;
  contact: SellerContact;
}

/**
 * Reads a shop page: schema.org Organization / Store / LocalBusiness (JSON-LD or microdata) first,
 * then the labelled lines marketplaces print in their seller-information blocks ("Business Name:",
 * "Business Address:", "Phone", "Email", company registration and tax numbers). Pure; no guessing.
 */
export function readShopPage(html: Buffer): ShopFacts {
  const text = decodeBytes(html, detectCharset(html).charset);
  const $ = load(text);
  const facts: ShopFacts = { name: null, location: null, rating: null, ratingCount: null, contact: {} };
  for (const node of organizationNodes($)) mergeOrganization(facts, node);
  mergeLabelled(facts, $);
  return facts;
}

type Json = Record<string, unknown>;
const ORG_TYPES = /^(Organization|Corporation|Store|OnlineStore|LocalBusiness|Brand)$/;

function organizationNodes($: CheerioAPI): Json[] {
  const found: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Json;
    const types = ([] as unknown[]).concat(node['@type'] ?? []);
    if (types.some((type) => typeof type === 'string' && ORG_TYPES.test(type))) found.push(node);
    for (const key of ['@graph', 'seller', 'offers', 'brand', 'provider']) if (key in node) visit(node[key]);
  };
  $('script[type="application/ld+json"]').each((_, element) => {
    try {
      visit(JSON.parse($(element).text()));
    } catch {
      // A broken JSON-LD block says nothing; the labelled lines may still.
    }
  });
  $(
    '[itemtype*="schema.org/Organization"], [itemtype*="schema.org/Store"], [itemtype*="schema.org/LocalBusiness"]',
  ).each((_, element) => {
    const scope = $(element);
    const prop = (name: string) => {
      const el = scope.find(`[itemprop="${name}"]`).first();
      return (el.attr('content') ?? el.text()).replace(/\s+/g, ' ').trim() || undefined;
    };
    found.push({
      name: prop('name'),
      legalName: prop('legalName'),
      address: prop('address'),
      telephone: prop('telephone'),
      email: prop('email'),
      url: prop('url'),
      taxID: prop('taxID'),
      vatID: prop('vatID'),
    });
  });
  return found;
}

const str = (value: unknown): string | null => {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
};

function addressText(value: unknown): string | null {
  if (typeof value === 'string') return str(value);
  if (value && typeof value === 'object') {
    const a = value as Json;
    const parts = ['streetAddress', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry']
      .map((key) => str(a[key]) ?? str((a[key] as Json | undefined)?.name))
      .filter(Boolean);
    return parts.join(', ') || null;
  }
  return null;
}

function mergeOrganization(facts: ShopFacts, node: Json): void {
  facts.name ??= str(node.name);
  const c = facts.contact;
  c.legalName ??= str(node.legalName);
  c.address ??= addressText(node.address);
  c.phone ??= str(node.telephone);
  c.email ??= str(node.email)?.replace(/^mailto:/i, '') ?? null;
  c.website ??= str(node.url) ?? str(([] as unknown[]).concat(node.sameAs ?? [])[0]);
  c.registrationNumber ??= str(node.taxID) ?? str(node.vatID) ?? str(node.leiCode) ?? str(node.identifier);
  const rating = node.aggregateRating as Json | undefined;
  if (rating) {
    facts.rating ??= Number(str(rating.ratingValue)) || null;
    facts.ratingCount ??= Number(str(rating.ratingCount) ?? str(rating.reviewCount)) || null;
  }
  facts.location ??= addressText((node.address as Json | undefined)?.addressLocality) ?? null;
}

// Labels of seller-information blocks, the value following on the same line or in the next cell.
const LABELS: [keyof SellerContact | 'name' | 'location', RegExp][] = [
  [
    'legalName',
    /^(business name|legal name|company name|nama perusahaan|razón social|razão social|raison sociale)\s*:?$/i,
  ],
  ['name', /^(shop name|store name|nama toko|nombre de la tienda)\s*:?$/i],
  ['address', /^(business address|address|alamat|dirección|endereço|adresse|所在地|住所)\s*:?$/i],
  ['phone', /^(phone|phone number|telephone|telepon|teléfono|telefone|电话|電話番号)\s*:?$/i],
  ['email', /^(e-?mail|correo|surel)\s*:?$/i],
  ['website', /^(website|web|sitio web|situs)\s*:?$/i],
  [
    'registrationNumber',
    /^(business registration number|registration number|company registration( number)?|trade register number|commercial register|vat( number)?|tax id|nib|npwp|cnpj|ruc|rfc|cuit|nit|ssm|uen)\s*(no\.?|number)?\s*:?$/i,
  ],
  ['location', /^(location|ships from|lokasi|ubicación|localização)\s*:?$/i],
];

function mergeLabelled(facts: ShopFacts, $: CheerioAPI): void {
  const cells = $('dt, th, td, li, span, div, p, label, strong, b')
    .toArray()
    .filter((el) => $(el).children().length <= 2);
  for (const el of cells) {
    const own = $(el).text().replace(/\s+/g, ' ').trim();
    if (!own || own.length > 200) continue;
    for (const [field, label] of LABELS) {
      let value: string | null = null;
      const inline = own.match(/^([^:：]{2,40})[:：]\s*(.{2,160})$/);
      if (inline && label.test(`${inline[1]}:`)) value = inline[2] ?? null;
      else if (label.test(own)) value = $(el).next().text().replace(/\s+/g, ' ').trim() || null;
      if (!value) continue;
      if (field === 'name') facts.name ??= value;
      else if (field === 'location') facts.location ??= value;
      else facts.contact[field] ??= value;
    }
  }
}
