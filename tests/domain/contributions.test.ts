/** DfE instalments (received, withheld, scheduled), other contributions and agreement revisions. */
import { describe, expect, it } from 'vitest';
import { fromPounds, toFixed2 } from '../../src/domain/money';
import { buildReport } from '../../src/domain/report';
import { loadFolder, DATA_DIR } from '../helpers';

const example = () => loadFolder(DATA_DIR).data;
const figures = (data: ReturnType<typeof example>) => buildReport(data).years[0]!;

describe('instalments', () => {
  it('with none recorded, each agreement year counts its contribution as paid (SPEC section 7)', () => {
    const y = figures(example());
    expect(toFixed2(y.dfeContributionsToDate!)).toBe('5160000.00');
    expect(toFixed2(y.cumulativeDeficitNet!)).toBe('6702717.00');
  });
  it('a withheld instalment raises the net deficit by its amount, and leaves the gross and the status alone', () => {
    const data = example();
    data.instalments = [
      { fy: 2022, amount: fromPounds('4000000'), status: 'received', date: '2023-03-01' },
      { fy: 2022, amount: fromPounds('1160000'), status: 'withheld', date: '2023-03-31' },
    ];
    const y = figures(data);
    expect(toFixed2(y.dfeContributionsToDate!)).toBe('4000000.00');
    expect(toFixed2(y.dfeWithheldToDate!)).toBe('1160000.00');
    expect(toFixed2(y.dfeContributionsAgreedToDate!)).toBe('5160000.00');
    expect(toFixed2(y.cumulativeDeficitNet!)).toBe('7862717.00');
    expect(toFixed2(y.cumulativeDeficitGross!)).toBe('11862717.00');
    expect(y.status).toBe('amber');
  });
  it('a scheduled instalment is not counted until received', () => {
    const data = example();
    data.instalments = [{ fy: 2022, amount: fromPounds('5160000'), status: 'scheduled' }];
    const y = figures(data);
    expect(toFixed2(y.dfeContributionsToDate!)).toBe('0.00');
    expect(toFixed2(y.dfeOutstandingToDate!)).toBe('5160000.00');
  });
});

describe('other contributions and revisions', () => {
  it('a council contribution reduces the net deficit', () => {
    const data = example();
    data.otherContributions = [{ fy: 2022, amount: fromPounds('500000'), source: 'council', label: 'General fund contribution' }];
    expect(toFixed2(figures(data).cumulativeDeficitNet!)).toBe('6202717.00');
  });
  it('a revised profile is compared against, with the original kept', () => {
    const data = example();
    data.revisions = [{ date: '2023-03-01', label: 'Re-profiled', years: data.agreement.map((a) => (a.fy === 2022 ? { ...a, profile: fromPounds('12000000') } : a)) }];
    const y = figures(data);
    expect(toFixed2(y.agreementProfile!)).toBe('12000000.00');
    expect(toFixed2(y.originalProfile!)).toBe('11700000.00');
    expect(y.status).toBe('green');
    expect(toFixed2(y.deficitBroughtForward!)).toBe('9131000.00');
  });
});

describe('commentary written in the app', () => {
  it('replaces the file commentary for the line, says who and when, and keeps month comments', () => {
    const data = example();
    data.comments = [
      { fy: 2022, block: 'High Needs', line: 'EHCP in-year adjustments', text: 'Top-ups rose in August', by: 'R Parr', at: '2023-04-12T09:00:00Z' },
      { fy: 2022, block: 'High Needs', line: 'EHCP in-year adjustments', period: 5, text: 'August top-ups', by: 'R Parr', at: '2023-04-12T09:01:00Z' },
    ];
    const line = figures(data).lines.find((l) => l.line === 'EHCP in-year adjustments')!;
    expect(line.commentary).toBe('Top-ups rose in August');
    expect([line.commentBy, line.commentAt]).toEqual(['R Parr', '2023-04-12T09:00:00Z']);
    expect(line.monthComments).toEqual([{ period: 5, text: 'August top-ups', by: 'R Parr', at: '2023-04-12T09:01:00Z' }]);
  });
});
