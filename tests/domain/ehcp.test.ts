import { describe, expect, it } from 'vitest';
import { analyseEhcp, targetAt } from '../../src/domain/ehcp';

describe('EHCP flows', () => {
  it('works out the end from the flows and keeps given figures that agree', () => {
    const [m] = analyseEhcp([{ month: '2023-01', plansAtStart: 1612, newPlans: 16, transfersIn: 2, ceased: 32, movedOut: 3, inactive: 2, plansAtEnd: 1593 }], []);
    expect(m!.outflows).toBe(37);
    expect(m!.computedEnd).toBe(1593);
    expect(m!.warnings).toEqual([]);
  });
  it('warns, naming the month and both figures, where the given end disagrees', () => {
    const [m] = analyseEhcp([{ month: '2023-03', plansAtStart: 1590, newPlans: 17, transfersIn: 3, plansEnded: 40, plansAtEnd: 1575 }], []);
    expect(m!.plansAtEnd).toBe(1575);
    expect(m!.warnings[0]).toBe('March 2023: plans at end are given as 1,575, but start + new + transfers in − outflows = 1,570; the given figure is kept');
  });
  it('warns where a month does not start where the last ended', () => {
    const ms = analyseEhcp([
      { month: '2023-01', plansAtEnd: 1593 },
      { month: '2023-02', plansAtStart: 1600, newPlans: 0, plansEnded: 0 },
    ], []);
    expect(ms[1]!.warnings[0]).toBe('February 2023: plans at start are given as 1,600, but January 2023 ended with 1,593');
  });
  it('warns where the breakdown of outflows disagrees with plans ended', () => {
    const [m] = analyseEhcp([{ month: '2023-02', ceased: 11, movedOut: 4, inactive: 0, plansEnded: 16 }], []);
    expect(m!.outflows).toBe(15);
    expect(m!.warnings[0]).toMatch(/plans ended are given as 16, but ceased \+ moved out \+ inactive or deceased = 15/);
  });
  it('continues from the previous end where the start is not given', () => {
    const ms = analyseEhcp([{ month: '2023-01', plansAtEnd: 100 }, { month: '2023-02', newPlans: 5, plansEnded: 2 }], []);
    expect(ms[1]!.plansAtEnd).toBe(103);
  });
  it('gives the RSA refusal rate and the gap to target', () => {
    const [m] = analyseEhcp([{ month: '2023-01', rsaReceived: 30, rsaRefused: 12 }], [{ metric: 'rsaReceived', month: '2023-01', target: 20 }]);
    expect(m!.rsaRefusalRate!.toFixed(0)).toBe('40');
    expect(m!.rsaGapToTarget).toBe(10);
  });
});

describe('targets', () => {
  const targets = [
    { metric: 'rsaReceived' as const, month: '2023-01', target: 20 },
    { metric: 'rsaReceived' as const, month: '2023-07', target: 15 },
  ];
  it.each([
    ['2022-12', null],
    ['2023-01', 20],
    ['2023-06', 20],
    ['2023-07', 15],
    ['2024-03', 15],
  ])('at %s the RSA target is %s', (month, expected) => expect(targetAt(targets, 'rsaReceived', month)).toBe(expected));
});
