import type { MarkKind, StatusCategory } from '../../core/filing.ts';

/** `marca@apresentacao`: how the mark is presented (INPI Manual de Marcas, 2.3 "Formas de apresentação"). */
const presentations: Record<string, MarkKind> = {
  nominativa: 'word',
  figurativa: 'figurative',
  mista: 'combined',
  tridimensional: 'three-dimensional',
  posição: 'position',
};

export function inpiMarkKind(apresentacao: string | undefined): MarkKind {
  return presentations[apresentacao?.trim().toLowerCase() ?? ''] ?? 'unknown';
}

/**
 * Despacho codes whose effect on the mark is certain (INPI "Tabela de despachos de marcas").
 * Any other code keeps its name as status text and the category `unknown`, never a guess.
 */
const categories: Record<string, StatusCategory> = {
  IPAS009: 'published', // Publicação de pedido de registro para oposição (exame formal concluído)
  IPAS421: 'published', // Republicação de pedido (opens a new opposition period)
  IPAS423: 'opposed', // Notificação de oposição
  IPAS158: 'registered', // Concessão de registro
};

/** Despachos that publish the application for opposition in this gazette: the opposition clock starts here. */
const publications = new Set(['IPAS009', 'IPAS421']);

export function despachoCategory(code: string | null): StatusCategory {
  return (code && categories[code]) || 'unknown';
}

export function isPublication(code: string | null): boolean {
  return code !== null && publications.has(code);
}

/** Vienna codes come as `18.1.9`; written with two-digit parts (`18.01.09`) like every other office's. */
export function formatVienna(raw: string | undefined): string | null {
  const parts = raw?.trim().split('.') ?? [];
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,2}$/.test(p))) return raw?.trim() || null;
  return parts.map((p) => p.padStart(2, '0')).join('.');
}
