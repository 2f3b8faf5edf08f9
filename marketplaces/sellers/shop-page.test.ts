import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShopPage } from './shop-page.ts';

describe('readShopPage', () => {
  it('reads schema.org Store data (tests/fixtures/marketplace-constructed/tokopedia-shop-wishph.html)', () => {
    const page = readFileSync(
      join(import.meta.dirname, '../../tests/fixtures/marketplace-constructed/tokopedia-shop-wishph.html'),
    );
    expect(readShopPage(page)).toMatchObject({
      name: 'Wish Phonestore',
      location: 'Jakarta Utara',
      rating: 4.8,
      ratingCount: 1520,
      contact: { phone: '+62 21 555 0142', email: 'sales@wishphone.example' },
    });
  });

  it('reads labelled seller-information lines when there is no structured data', () => {
    const html = `<html><body><h3>Detailed Seller Information</h3><ul>
      <li><span>Business Name:</span><span>Shenzhen Example Trading Co., Ltd.</span></li>
      <li><span>Business Address:</span><span>Room 5, Building 2, Nanshan District, Shenzhen, CN</span></li>
      </ul><table><tr><th>NPWP</th><td>01.234.567.8-901.000</td></tr></table></body></html>`;
    expect(readShopPage(Buffer.from(html)).contact).toMatchObject({
      legalName: 'Shenzhen Example Trading Co., Ltd.',
      address: 'Room 5, Building 2, Nanshan District, Shenzhen, CN',
      registrationNumber: '01.234.567.8-901.000',
    });
  });

  it('returns empty facts for a page that says nothing about the shop', () => {
    expect(readShopPage(Buffer.from('<html><body><p>hello</p></body></html>'))).toEqual({
      name: null,
      location: null,
      rating: null,
      ratingCount: null,
      contact: {},
    });
  });
});
