/**
 * The IP programmes of the marketplaces and what their report forms ask for. Each field list was
 * checked against the programme's own pages or a published guide (sources below, consulted 2026-12);
 * forms change, so every report also carries the programme's portal for the final check.
 */

export interface ProgrammeField {
  key: string;
  label: string;
  required: boolean;
  /** Shown to the user when Markhound cannot fill the field. */
  hint?: string;
}

export interface Programme {
  id: string;
  name: string;
  /** Marketplace ids (crawler/marketplaces SITES) whose listings go to this programme. */
  marketplaces: string[];
  portal: string;
  /** Listings one report may carry, when the programme states a limit. */
  maxListingsPerReport: number | null;
  fields: ProgrammeField[];
  sources: string[];
}

const contact: ProgrammeField[] = [
  {
    key: 'rights_owner_name',
    label: 'Rights owner',
    required: true,
    hint: 'PUT /v1/brands/{id}/rights-holder',
  },
  { key: 'rights_owner_address', label: 'Rights owner address', required: true },
  { key: 'contact_email', label: 'Contact e-mail', required: true },
  { key: 'contact_phone', label: 'Contact phone', required: true },
  { key: 'agent_name', label: 'Authorised agent (when filing for the owner)', required: false },
];
const trademark: ProgrammeField[] = [
  { key: 'ip_type', label: 'Type of IP right', required: true },
  { key: 'trademark', label: 'Trademark', required: true },
  {
    key: 'registration_number',
    label: 'Registration number',
    required: true,
    hint: 'PUT /v1/marks/{id}/registrations',
  },
  { key: 'registration_office', label: 'Registering office', required: true },
  { key: 'registration_jurisdiction', label: 'Jurisdiction the registration covers', required: true },
  { key: 'registration_classes', label: 'Nice classes', required: false },
];
const listing: ProgrammeField[] = [
  { key: 'listing_urls', label: 'Infringing listing URLs', required: true },
  { key: 'infringement_type', label: 'Infringement type', required: true },
  { key: 'description', label: 'Description of the infringement', required: true },
  { key: 'evidence', label: 'Evidence (captures, evidence pack hashes)', required: true },
];

export const PROGRAMMES: Programme[] = [
  {
    id: 'amazon-brand-registry',
    name: 'Amazon Brand Registry — Report a Violation / Report Infringement form',
    marketplaces: ['amazon'],
    portal: 'https://www.amazon.com/report/infringement',
    // "allows for 50 listings to be reported at the same time" (source 1).
    maxListingsPerReport: 50,
    fields: [
      ...contact,
      ...trademark,
      { key: 'asins', label: 'ASINs', required: true },
      ...listing,
      {
        key: 'infringement_scope',
        label: 'What infringes: product, packaging, image or text on the detail page',
        required: true,
      },
      { key: 'test_buy_order_ids', label: 'Order IDs of test buys', required: false },
    ],
    sources: [
      'https://thomsentrampedach.com/faq-items/how-to-enforce-your-rights-on-amazon (online form, 50 listings a report, description of the infringement and the IP relied on, the trademark must cover the marketplace country)',
      "https://oliverpiroska.wixsite.com/europe-market-eu/post/intellectual-property-for-rights-owner (summary of Amazon's rights-owner guide: contact details, IP type, registration number, nature of infringement: product, packaging, image or detail-page text; ASINs or URLs; order IDs of test buys; one IP type per notice)",
      'http://www.sellergard.com/reporting-infringement-on-amazon/ (RAV tool for Brand Registry members, Report Infringement form otherwise; ASIN-level, detail-page and seller-level infringement)',
    ],
  },
  {
    id: 'shopee-brand-ip-portal',
    name: 'Shopee Brand IP Portal (or the market IPR webform)',
    marketplaces: ['shopee'],
    portal: 'https://help.shopee.co.id/portal/webform/8527e5508df04d1d93713f28f6feb1fe',
    maxListingsPerReport: null,
    fields: [
      ...contact,
      ...trademark,
      { key: 'market', label: 'Shopee market (site) of the listings', required: true },
      ...listing,
      { key: 'authorisation_letter', label: 'Letter of authorisation (agents)', required: false },
    ],
    sources: [
      'http://www.secagroup.org/shopee.html (Brand IP Portal: one-time registration of IP documents, all markets, status tracking; IPR webforms per market as the alternative)',
      'https://en.siakapkeli.my/2021/04/your-product-got-infringed-shopee-tells-how-you-can-lodge-a-report-about-it/ (infringement types: trademark, copyright, industrial design, patent; valid supporting documentation required)',
      'https://www.10100.com/encyclopedia/explain/116388742 (the trademark must cover the site and category; authorisation chain for agents; screenshots with time and URL)',
    ],
  },
  {
    id: 'alibaba-ipp',
    name: 'Alibaba Intellectual Property Protection Platform (Lazada, AliExpress, Taobao, Tmall)',
    marketplaces: ['lazada', 'aliexpress', 'taobao'],
    portal: 'https://ipp.alibabagroup.com/',
    // "each request (based upon one IPR document) can flag up to 300 product listings" (source 2).
    maxListingsPerReport: 300,
    fields: [
      ...contact,
      ...trademark,
      { key: 'ipr_document', label: 'IPR document on file in IPP', required: true },
      ...listing,
    ],
    sources: [
      'https://pages.lazada.co.id/wow/i/id/LandingPage/IPR-2 (Lazada: IPR notices through the IPP Platform account; counter-notices, replies and withdrawal there)',
      'http://secagroup.org/lazada-best-practices-on-ipr-protection.html (IPP at ipp.alibabagroup.com; IPR document uploaded once; listing-level complaints, up to 300 listings per request)',
      'https://eservice.kangxin.com/html/1/393/7685.html (complaints give links to the infringing products and the type of infringement)',
    ],
  },
  {
    id: 'mercadolibre-bpp',
    name: 'Mercado Libre Brand Protection Program (BPP)',
    marketplaces: ['mercadolibre'],
    portal: 'https://global-selling.mercadolibre.com/brandprotection/enforcement',
    maxListingsPerReport: null,
    fields: [
      ...contact,
      ...trademark,
      { key: 'country_site', label: 'Mercado Libre country site', required: true },
      { key: 'listing_ids', label: 'Listing IDs (MLB…, MLM…, MCO…)', required: true },
      ...listing,
      { key: 'power_of_attorney', label: 'Power of attorney (proxies)', required: false },
    ],
    sources: [
      'https://global-selling.mercadolibre.com/help/994 (BPP terms: registered trademarks, patents, designs, copyright can be enforced)',
      'https://global-selling.mercadolibre.com/brandprotection/enforcement/enroll/process (enrol as owner or proxy with documentation of the rights; proxies prove the power granted)',
      'https://global-selling.mercadolibre.com/help/1083 (a reported listing is paused; the seller may file a counter-notice; the rights holder accepts or refuses)',
      'https://www.inta.org/news-and-press/community-news/how-brand-owners-can-protect-their-intellectual-property-rights-on-the-e-commerce-platform-mercado-libre/ (rights are enforced in the countries where they were enrolled; bulk reports)',
    ],
  },
  {
    id: 'ebay-vero',
    name: 'eBay VeRO — Notice of Claimed Infringement (NOCI)',
    marketplaces: ['ebay'],
    portal: 'https://www.ebay.com/sellercenter/ebay-for-business/verified-rights-owner-program',
    maxListingsPerReport: null,
    fields: [
      ...contact,
      ...trademark,
      { key: 'item_numbers', label: 'eBay item numbers', required: true },
      ...listing,
      {
        key: 'vero_reason_code',
        label: 'VeRO reason code',
        required: true,
        hint: 'choose from the reason codes at the end of the NOCI form',
      },
      { key: 'message_to_seller', label: 'Message to the seller', required: false },
      { key: 'signature_date', label: 'Signature and date', required: true },
    ],
    sources: [
      'https://ipmoat.ai/blogs/how-to-guides/how-to-take-down-counterfeit-listings-on-ebay (NOCI: contact information with signature and date, item numbers or URLs, reason code, why it infringes, registration information and jurisdiction)',
      'https://developer.ebay.com/api-docs/commerce/vero/types/ReportItemDetails (item id, VeRO reason code, message to seller up to 1000 characters, detailed message for "Other")',
    ],
  },
  {
    id: 'tokopedia-ip-protection',
    name: 'Tokopedia — Pelaporan Pelanggaran Kekayaan Intelektual (IP Protection)',
    marketplaces: ['tokopedia'],
    portal: 'https://www.tokopedia.com/perlindungan-kekayaan-intelektual/pelaporan',
    maxListingsPerReport: null,
    fields: [
      ...contact,
      { key: 'reporter_company', label: 'Perusahaan (company)', required: true },
      { key: 'reporter_position', label: 'Jabatan (position)', required: true },
      ...trademark,
      ...listing,
    ],
    sources: [
      'https://www.tokopedia.com/perlindungan-kekayaan-intelektual/pelaporan (trademark violations incl. counterfeits and unauthorised use in product name, image or description; the form passes on name, company, position, e-mail, phone and attachments)',
      'https://www.tokopedia.com/intellectual-property-protection/prevention (trademarks registered in Indonesia; product takedown, shop suspension)',
      'https://www.tokopedia.com/intellectual-property-protection/brand-alliance/report (IP submission: brand name, IP type, legal documents)',
    ],
  },
];

export function programmeById(id: string): Programme | null {
  return PROGRAMMES.find((p) => p.id === id) ?? null;
}

export function programmeForMarketplace(marketplace: string): Programme | null {
  return PROGRAMMES.find((p) => p.marketplaces.includes(marketplace)) ?? null;
}
