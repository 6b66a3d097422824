import type { TFunction } from 'i18next';
import i18n from '../../i18n';
import type { Refusal, UnmetGuard } from './types';

/**
 * A chain guard the case does not meet yet, in the user's language. The API words its guard
 * messages in English only; the code says which rule it is, so the text comes from the catalogue
 * (the API's sentence is the fallback for a code this version of the app does not know).
 */
export function explainGuard(guard: UnmetGuard, t: TFunction): string {
  const key = `guards.${guard.code}`;
  return i18n.exists(key) ? (t(key as never) as string) : guard.message;
}

/**
 * Why a disclosure is refused, in the user's language, naming the agencies and data categories
 * the refusal is about (the API sends their ids and codes, never names in its messages).
 */
export function explainRefusal(refusal: Refusal, t: TFunction, agencyName: (id: string) => string): string {
  const key = `refusals.${refusal.code}`;
  if (!i18n.exists(key)) return refusal.message;
  const agencies = (refusal.agencyIds ?? []).map(agencyName).join(', ');
  const categories = (refusal.categories ?? []).map((c) => t(`dataCategories.${c}`)).join(', ');
  let text = t(key as never) as string;
  if (agencies) text += ` ${t('refusals.agencies', { agencies })}`;
  if (categories) text += ` ${t('refusals.categories', { categories })}`;
  return text;
}
