/** A condition as the tracker's form holds it, and its validation. Pure. */
import { formatDate as formatDomainDate } from '../../domain/format';
import type { Condition, Rag } from '../../model/dataset';

export const RAGS: Rag[] = ['red', 'amber', 'green', 'not rated'];

export const RAG_TEXT: Record<Rag, string> = {
  red: 'Red: off track',
  amber: 'Amber: at risk',
  green: 'Green: on track',
  'not rated': 'Not rated',
};

export interface ConditionDraft {
  owner: string;
  rag: string;
  commentary: string;
  /** "2023-03-29", as a date input gives it. */
  reviewed: string;
}

export interface ConditionFieldError {
  field: keyof ConditionDraft;
  message: string;
}

export function toDraft(c: Condition): ConditionDraft {
  return { owner: c.owner ?? '', rag: c.rag, commentary: c.commentary ?? '', reviewed: c.reviewed ?? '' };
}

/** True for a date that exists in the calendar ("2023-02-30" does not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2099;
}

/** `today` as "YYYY-MM-DD": a review cannot be dated after it. */
export function validateCondition(base: Condition, draft: ConditionDraft, today: string): { ok: true; condition: Condition } | { ok: false; errors: ConditionFieldError[] } {
  const errors: ConditionFieldError[] = [];
  if (!(RAGS as string[]).includes(draft.rag)) errors.push({ field: 'rag', message: `RAG status: choose red, amber, green or not rated` });
  const reviewed = draft.reviewed.trim();
  if (reviewed !== '' && !isRealDate(reviewed)) errors.push({ field: 'reviewed', message: `Date last reviewed: "${reviewed}" is not a date; give it as day, month and year` });
  else if (reviewed > today) errors.push({ field: 'reviewed', message: 'Date last reviewed: cannot be after today' });
  if (draft.owner.length > 200) errors.push({ field: 'owner', message: 'Owner: at most 200 characters' });
  if (draft.commentary.length > 5000) errors.push({ field: 'commentary', message: 'Commentary: at most 5,000 characters' });
  if (errors.length > 0) return { ok: false, errors };
  const owner = draft.owner.trim();
  const commentary = draft.commentary.trim();
  return {
    ok: true,
    condition: {
      ref: base.ref,
      text: base.text,
      rag: draft.rag as Rag,
      ...(owner ? { owner } : {}),
      ...(commentary ? { commentary } : {}),
      ...(reviewed ? { reviewed } : {}),
    },
  };
}

/** "2023-03-29" → "29 March 2023". */
export function formatDate(iso: string): string {
  return isRealDate(iso) ? formatDomainDate(iso) : iso;
}

export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
