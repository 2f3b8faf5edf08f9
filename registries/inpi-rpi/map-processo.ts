import type { Filing, NiceClassification, ParsedRecord, Party, PriorityClaim } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import { allAt, at, childrenNamed, deepText, textAt, type XmlElement } from '../xml/index.ts';
import { despachoCategory, formatVienna, inpiMarkKind, isPublication } from './codes.ts';
import { inpiDate } from './dates.ts';

/** The gazette issue a processo was read from (`revista@numero`, `revista@data`). */
export interface Gazette {
  number: string | null;
  date: string | null;
}

const attr = (el: XmlElement | undefined, name: string): string | null => el?.attrs[name]?.trim() || null;

interface Despacho {
  codigo: string | null;
  nome: string | null;
  textoComplementar: string | null;
  protocolo: { numero: string | null; data: string | null; codigoServico: string | null } | null;
}

function readDespachos(processo: XmlElement): Despacho[] {
  return allAt(processo, 'despachos/despacho').map((d) => {
    const protocolo = at(d, 'protocolo');
    return {
      codigo: attr(d, 'codigo'),
      nome: attr(d, 'nome'),
      textoComplementar: deepText(at(d, 'texto-complementar')),
      protocolo: protocolo
        ? {
            numero: attr(protocolo, 'numero'),
            data: inpiDate(attr(protocolo, 'data')),
            codigoServico: attr(protocolo, 'codigoServico'),
          }
        : null,
    };
  });
}

/** A Brazilian titular has `uf` (state) and usually `pais="BR"`; a state without a country is Brazil. */
function readTitulares(processo: XmlElement): Party[] {
  return allAt(processo, 'titulares/titular').flatMap((t) => {
    const name = attr(t, 'nome-razao-social');
    if (!name) return [];
    const uf = attr(t, 'uf');
    return [
      {
        name,
        country: attr(t, 'pais') ?? (uf ? 'BR' : null),
        address: uf,
        entityType: null,
        role: 'titular',
      },
    ];
  });
}

/** Nice classes sit in `lista-classe-nice`; older gazettes put a single `classe-nice` straight in the processo. */
function readClasses(processo: XmlElement): NiceClassification[] {
  const elements = [
    ...allAt(processo, 'lista-classe-nice/classe-nice'),
    ...childrenNamed(processo, 'classe-nice'),
  ];
  return elements.flatMap((c) => {
    const niceClass = Number(attr(c, 'codigo'));
    if (!Number.isInteger(niceClass) || niceClass < 1 || niceClass > 45) return [];
    return [{ niceClass, goods: deepText(at(c, 'especificacao')), status: textAt(c, 'status') }];
  });
}

function readPriorities(processo: XmlElement): PriorityClaim[] {
  return allAt(processo, 'prioridade-unionista/prioridade').map((p) => ({
    country: attr(p, 'pais'),
    number: attr(p, 'numero'),
    date: inpiDate(attr(p, 'data')),
  }));
}

function readExtra(processo: XmlElement, despachos: Despacho[], gazette: Gazette): Record<string, unknown> {
  const vienna = at(processo, 'classes-vienna');
  const madrid = at(processo, 'dados-de-madri');
  const nacional = at(processo, 'classe-nacional');
  return {
    rpi: gazette,
    despachos,
    natureza: attr(at(processo, 'marca'), 'natureza'),
    validUntil: inpiDate(attr(processo, 'data-vigencia')),
    attorney: textAt(processo, 'procurador'),
    apostila: deepText(at(processo, 'apostila')),
    viennaEdition: attr(vienna, 'edicao') ?? attr(at(vienna, 'classe-vienna'), 'edicao'),
    sobrestadores: allAt(processo, 'sobrestadores/sobrestador').map((s) => ({
      processo: attr(s, 'processo'),
      marca: attr(s, 'marca'),
    })),
    madrid: madrid
      ? {
          internationalRegistration: attr(madrid, 'numero-inscricao-internacional'),
          receivedByInpi: inpiDate(attr(madrid, 'data-recebimento-inpi')),
        }
      : null,
    nationalClass: nacional
      ? {
          codigo: attr(nacional, 'codigo'),
          especificacao: deepText(at(nacional, 'especificacao')),
          subclasses: allAt(nacional, 'sub-classes-nacional/sub-classe-nacional').map((s) =>
            attr(s, 'codigo'),
          ),
        }
      : null,
  };
}

/** Turns one `processo` into a Filing, or a skip naming why it cannot be one. */
export function mapProcesso(
  processo: XmlElement,
  recordIndex: number,
  gazette: Gazette,
  office: string,
  /** The record as written in the file, for its hash. */
  source: string,
): ParsedRecord {
  const serialNumber = attr(processo, 'numero');
  if (!serialNumber) {
    return {
      kind: 'skip',
      skip: {
        recordIndex,
        serialNumber: null,
        reason: 'processo has no numero attribute; it cannot be stored or matched',
      },
    };
  }
  const despachos = readDespachos(processo);
  const last = despachos.at(-1);
  const statusCode = last?.codigo ?? null;
  const marca = at(processo, 'marca');
  const published = despachos.some((d) => isPublication(d.codigo));
  const registrationDate = inpiDate(attr(processo, 'data-concessao'));
  const filing: Filing = {
    office,
    serialNumber,
    // INPI registers a mark under its application number: a granted processo's number is the registration's.
    registrationNumber: registrationDate ? serialNumber : null,
    markText: textAt(marca, 'nome'),
    markKind: inpiMarkKind(marca?.attrs.apresentacao),
    markImage: null,
    applicants: readTitulares(processo),
    filingDate: inpiDate(attr(processo, 'data-deposito')),
    publicationDate: published ? gazette.date : null,
    registrationDate,
    statusCode,
    statusText: last?.nome ?? null,
    statusDate: gazette.date,
    statusCategory: despachoCategory(statusCode),
    classes: readClasses(processo),
    designCodes: allAt(processo, 'classes-vienna/classe-vienna')
      .map((v) => formatVienna(v.attrs.codigo))
      .filter((code): code is string => code !== null),
    priorityClaims: readPriorities(processo),
    extra: readExtra(processo, despachos, gazette),
    sourceRecordHash: recordHash(source),
  };
  return { kind: 'filing', filing };
}
