import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { inpiRpiAdapter } from './index.ts';

const fixtures = join(import.meta.dirname, '../../tests/fixtures/registries/inpi-rpi');
const fragment = join(fixtures, 'rpi-processo-920493416-fragment.xml');
const gazetteFile = join(fixtures, 'rpi-2601-constructed.xml');
const scratch = mkdtempSync(join(tmpdir(), 'markhound-inpi-'));

async function collect(path: string, seen: ParsedRecord[] = []): Promise<ParsedRecord[]> {
  for await (const record of inpiRpiAdapter.parse(path, { sourceName: path })) seen.push(record);
  return seen;
}

const filings = (records: ParsedRecord[]): Filing[] =>
  records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));

function writeScratch(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const realGoods =
  'Lavagem de Veículos, Limpeza de Veículos e Polimento de Veículos. Lavador e Polidor de carro independente, ' +
  'serviço de Lavagem, lubrificação e polimento de veículos automotores. Detalhamento em veículos automotroes.;';

describe('inpi-rpi: real processo 920493416', () => {
  it('reads the fragment on its own, with the values printed in it', async () => {
    const [filing] = filings(await collect(fragment));
    expect(filing).toMatchObject({
      office: 'INPI-BR',
      serialNumber: '920493416',
      registrationNumber: null,
      markText: 'ESTUDIO CAR DETALHAMENTO',
      markKind: 'combined',
      filingDate: '2020-08-19',
      registrationDate: null,
      statusCode: 'IPAS421',
      statusText: 'Republicação de pedido',
      statusCategory: 'published',
      // No gazette around the fragment: no gazette date to publish on.
      publicationDate: null,
      statusDate: null,
      applicants: [
        { name: 'PABLO SILVA NEVES', country: 'BR', address: 'MG', entityType: null, role: 'titular' },
      ],
      classes: [{ niceClass: 37, goods: realGoods, status: 'Pendente (com especificação livre)' }],
      designCodes: ['18.01.09'],
      priorityClaims: [],
    });
    expect(filing?.extra).toMatchObject({
      rpi: { number: null, date: null },
      natureza: 'Produtos e/ou Serviço',
      viennaEdition: '4',
      attorney: null,
      despachos: [
        {
          codigo: 'IPAS421',
          nome: 'Republicação de pedido',
          textoComplementar:
            'Republicado o pedido, tendo em vista alteração da classe internacional reivindicada para fins de adequação da mesma à especificação apresentada.',
          protocolo: null,
        },
      ],
    });
  });
});

describe('inpi-rpi: constructed gazette 2601 around the real processo', async () => {
  const records = await collect(gazetteFile);
  const byNumber = new Map(filings(records).map((f) => [f.serialNumber, f]));

  it('is recognised by detect', () => {
    expect(inpiRpiAdapter.detect(readFileSync(gazetteFile, 'latin1').slice(0, 8192))).toBe(true);
  });

  it('lands four filings and skips the processo without numero, saying why', () => {
    expect(records).toHaveLength(5);
    expect([...byNumber.keys()]).toEqual(['920493416', '921234567', '915876543', '921998877']);
    expect(records[4]).toEqual({
      kind: 'skip',
      skip: { recordIndex: 5, serialNumber: null, reason: expect.stringContaining('no numero') },
    });
  });

  it('dates the real republication with the gazette', () => {
    expect(byNumber.get('920493416')).toMatchObject({
      publicationDate: '2020-11-17',
      statusDate: '2020-11-17',
      classes: [{ niceClass: 37, goods: realGoods }],
    });
    expect(byNumber.get('920493416')?.extra.rpi).toEqual({ number: '2601', date: '2020-11-17' });
  });

  it('maps a publication for opposition (IPAS009) with its class, apostila and attorney', () => {
    const f = byNumber.get('921234567');
    expect(f).toMatchObject({
      markText: 'SERRA AZUL',
      markKind: 'word',
      filingDate: '2020-10-02',
      publicationDate: '2020-11-17',
      statusCode: 'IPAS009',
      statusText: 'Publicação de pedido de registro para oposição (exame formal concluído)',
      statusCategory: 'published',
      registrationNumber: null,
      applicants: [
        {
          name: 'CAFÉ SERRA AZUL COMÉRCIO DE ALIMENTOS LTDA',
          country: 'BR',
          address: 'SP',
          entityType: null,
          role: 'titular',
        },
      ],
      classes: [
        { niceClass: 30, goods: 'Café; café em grão; café moído; café solúvel;', status: 'Pendente' },
      ],
      designCodes: [],
    });
    expect(f?.extra).toMatchObject({
      attorney: 'VIEIRA & MOTTA MARCAS E PATENTES LTDA',
      apostila: 'SEM DIREITO AO USO EXCLUSIVO DA EXPRESSÃO "CAFÉ".',
      sobrestadores: [{ processo: '907654321', marca: 'SERRA AZUL CAFÉS ESPECIAIS' }],
    });
  });

  it('maps a concession (IPAS158): registration date and number, validity, figurative mark, titular without pais', () => {
    const f = byNumber.get('915876543');
    expect(f).toMatchObject({
      registrationNumber: '915876543',
      registrationDate: '2020-11-17',
      filingDate: '2018-08-14',
      publicationDate: null,
      statusCode: 'IPAS158',
      statusText: 'Concessão de registro',
      statusCategory: 'registered',
      markText: null,
      markKind: 'figurative',
      designCodes: ['26.01.01', '05.03.13'],
      classes: [
        {
          niceClass: 5,
          goods: 'Medicamentos para uso humano; preparações farmacêuticas;',
          status: 'Deferida',
        },
      ],
      applicants: [
        {
          name: 'TECNOFARMA INDÚSTRIA QUÍMICA E FARMACÊUTICA S.A.',
          country: 'BR',
          address: 'RJ',
          entityType: null,
          role: 'titular',
        },
        {
          name: 'HELENA MARQUES DE OLIVEIRA',
          country: 'BR',
          address: 'RJ',
          entityType: null,
          role: 'titular',
        },
      ],
    });
    expect(f?.extra).toMatchObject({ validUntil: '2030-11-17', viennaEdition: '4' });
  });

  it('maps a titular from abroad and its Paris priority claim', () => {
    expect(byNumber.get('921998877')).toMatchObject({
      markText: 'NORDLICHT',
      markKind: 'combined',
      applicants: [
        { name: 'NORDLICHT OPTIK GMBH', country: 'DE', address: null, entityType: null, role: 'titular' },
      ],
      priorityClaims: [{ country: 'DE', number: '30 2020 107 456.3', date: '2020-04-24' }],
      designCodes: ['01.15.15'],
      classes: [
        {
          niceClass: 9,
          goods: 'Óculos; armações de óculos; lentes de contato; estojos para óculos;',
          status: 'Pendente',
        },
      ],
    });
  });
});

describe('inpi-rpi: bad input', () => {
  it('keeps the complete processos of a truncated gazette, then says it is truncated', async () => {
    const text = readFileSync(gazetteFile, 'utf8');
    const path = writeScratch('truncated.xml', text.slice(0, text.indexOf('<nome>SERRA AZUL')));
    const seen: ParsedRecord[] = [];
    const error = await collect(path, seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/truncated/);
    expect(filings(seen).map((f) => f.serialNumber)).toEqual(['920493416']);
  });

  it('refuses entity declarations (billion laughs, external entity) without expanding them', async () => {
    const hostile = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE revista [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"> <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<revista numero="1" data="01/01/2021"><processo numero="900000001"><marca apresentacao="Nominativa"><nome>&b;&x;</nome></marca></processo></revista>`;
    const seen: ParsedRecord[] = [];
    const error = await collect(writeScratch('hostile.xml', hostile), seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/DTD entities/);
    expect(seen).toEqual([]);
  });

  it('rejects another format in detect and names its root element in parse', async () => {
    const uspto =
      '<trademark-applications-daily><version><version-no>2.0</version-no></version></trademark-applications-daily>';
    expect(inpiRpiAdapter.detect(uspto)).toBe(false);
    const error = await collect(writeScratch('uspto.xml', uspto)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('root element is <trademark-applications-daily>');
  });
});
