import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/importFile';

describe('agreement conditions files', () => {
  it('reads refs, wording, owners, RAG and UK review dates from a spreadsheet export', () => {
    const r = importText(
      [
        'Safety Valve conditions tracker',
        'Ref,Condition text,Lead officer,RAG,Comments,Date reviewed',
        '3.1.,Maintain special school numbers,Head of SEND,A,Pilot under way,29/03/2023',
        '3.2,Culture change in SEND,AD Education,green,,2023-03-01',
      ].join('\n'),
      'conditions.csv',
    );
    expect(r.kind).toBe('conditions');
    expect(r.errors).toEqual([]);
    expect(r.data.conditions).toEqual([
      { ref: '3.1', text: 'Maintain special school numbers', owner: 'Head of SEND', rag: 'amber', commentary: 'Pilot under way', reviewed: '2023-03-29' },
      { ref: '3.2', text: 'Culture change in SEND', owner: 'AD Education', rag: 'green', reviewed: '2023-03-01' },
    ]);
  });
  it('names row, column and value for a bad RAG, a bad date and a repeated condition', () => {
    const r = importText(
      ['condition,description,rag,last_reviewed', '3.1,A,purple,', '3.2,B,red,31/02/2023', '3.3,C,green,', '3.3,D,red,'].join('\n'),
      'conditions.csv',
    );
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'C (rag)', 'purple'],
      [3, 'D (last_reviewed)', '31/02/2023'],
      [5, 'A (condition)', '3.3'],
    ]);
    expect(r.errors[0]!.accepted).toMatch(/red, amber or green/);
  });
});
