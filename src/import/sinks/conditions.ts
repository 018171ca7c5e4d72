/** Agreement conditions: one row per condition, its RAG status, owner and review date. */
import { DATE_ACCEPTED, parseDate } from '../../model/calendar';
import { emptyDataset, type Condition, type Rag } from '../../model/dataset';
import type { RowReader } from '../columns';
import type { Sink } from './common';

export const RAG_ACCEPTED = 'red, amber or green (or R, A, G); empty if not yet rated';

function parseRag(raw: string): Rag | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === '-' || v === 'not rated' || v === 'n/a') return 'not rated';
  if (v === 'r' || v === 'red') return 'red';
  if (v === 'a' || v === 'amber') return 'amber';
  if (v === 'g' || v === 'green') return 'green';
  return undefined;
}

export function conditionsSink(r: RowReader): Sink {
  const conditions = new Map<string, Condition & { rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const ref = r.text('conditionRef').replace(/\.$/, '');
      const text = r.text('conditionText');
      if (text === '') r.fieldError('conditionText', 'the condition is empty', "the condition's wording, as in the agreement");
      const rag = parseRag(r.text('rag'));
      if (!rag) r.fieldError('rag', 'not a RAG status', RAG_ACCEPTED);
      let reviewed: string | undefined;
      if (r.text('reviewed') !== '') {
        const d = parseDate(r.text('reviewed'));
        if (d.ok) reviewed = d.value;
        else r.fieldError('reviewed', `not a date (${d.reason})`, DATE_ACCEPTED);
      }
      if (r.rejected || !rag) return false;
      const first = conditions.get(ref);
      if (first) {
        r.fieldError('conditionRef', `condition ${ref} appears twice (first in row ${first.rowNumber})`, 'each condition once');
        return false;
      }
      const owner = r.text('owner');
      const commentary = r.text('commentary');
      conditions.set(ref, {
        ref, text, rag, rowNumber,
        ...(owner ? { owner } : {}),
        ...(commentary ? { commentary } : {}),
        ...(reviewed ? { reviewed } : {}),
      });
      return true;
    },
    finish() {
      return { ...emptyDataset(), conditions: [...conditions.values()].map(({ rowNumber: _n, ...c }) => c) };
    },
  };
}
