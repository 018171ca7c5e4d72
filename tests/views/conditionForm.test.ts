import { describe, expect, it } from 'vitest';
import { isRealDate, validateCondition } from '../../src/views/conditions/conditionForm';
import type { Condition } from '../../src/model/dataset';

const base: Condition = { ref: '3.1', text: 'Maintain special school numbers', rag: 'not rated' };
const draft = { owner: ' Head of SEND ', rag: 'amber', commentary: '', reviewed: '2023-03-29' };

describe('the condition form', () => {
  it('accepts the four RAG values and a real date, trimming text', () => {
    expect(validateCondition(base, draft, '2024-01-01')).toEqual({
      ok: true,
      condition: { ref: '3.1', text: 'Maintain special school numbers', rag: 'amber', owner: 'Head of SEND', reviewed: '2023-03-29' },
    });
  });
  it('refuses another RAG value, a date that does not exist and one after today, naming each field', () => {
    const bad = validateCondition(base, { ...draft, rag: 'purple', reviewed: '2023-02-30' }, '2024-01-01');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['rag', 'reviewed']);
    const future = validateCondition(base, { ...draft, reviewed: '2024-01-02' }, '2024-01-01');
    expect(!future.ok && future.errors[0]!.message).toBe('Date last reviewed: cannot be after today');
  });
  it('knows real dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('29/03/2023')).toBe(false);
  });
});
