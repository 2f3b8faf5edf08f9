import type { StatusCategory } from '../../core/filing.ts';

/**
 * `ApplicationStatus` is a Korean word. Only the words whose meaning is unambiguous are mapped;
 * others keep their text and the category `unknown`.
 */
const categories: Record<string, StatusCategory> = {
  출원: 'pending', // application filed
  공고: 'published', // published for opposition
  등록: 'registered', // registered
  거절: 'dead', // finally refused
  소멸: 'dead', // right extinguished (expired, not renewed)
  무효: 'dead', // invalidated
  취하: 'dead', // withdrawn
  포기: 'dead', // abandoned
};

export function kiprisStatusCategory(status: string | null): StatusCategory {
  return (status && categories[status]) || 'unknown';
}
