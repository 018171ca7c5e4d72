import { describe, expect, test } from 'vitest';
import { isTotalLabel, parseMetric } from '../../src/import/sinks';

describe('isTotalLabel: totals and subtotals rows (SPEC 5)', () => {
  test.each([
    'Total',
    'TOTAL',
    'Totals',
    'Total:',
    'Grand Total',
    'GRAND TOTAL',
    'Grand-Total',
    'Sub-total',
    'Sub Total',
    'Sub-totals',
    'Subtotal',
    'SUBTOTAL',
    'Sub total:',
    'Total High Needs',
    'Sub-total Early Years',
    'Subtotal High Needs',
    'High Needs Total',
    'High Needs - Total',
    'High Needs subtotal',
    'High Needs Sub-Total',
    'Block total',
    'Net Total',
  ])('%j is a totals row', (label) => {
    expect(isTotalLabel(label)).toBe(true);
  });

  test.each(['Top up funding', 'Totally inclusive play', 'Totalcare contract', 'Early Years', 'Subtitles service', ''])(
    '%j is not a totals row',
    (label) => {
      expect(isTotalLabel(label)).toBe(false);
    },
  );
});

describe('parseMetric: target metrics named as the EHCP columns', () => {
  test.each([
    ['plans_at_end', 'plansAtEnd'],
    ['Plans at end', 'plansAtEnd'],
    ['plans_at_start', 'plansAtStart'],
    ['new_plans', 'newPlans'],
    ['rsa_received', 'rsaReceived'],
    ['rsa_refused', 'rsaRefused'],
    ['ceased', 'ceased'],
    ['moved_out', 'movedOut'],
    ['transfers_in', 'transfersIn'],
    ['inactive_or_deceased', 'inactive'],
    ['plans_ended', 'plansEnded'],
  ])('%j → %s', (raw, metric) => {
    expect(parseMetric(raw)).toBe(metric);
  });

  test.each(['budget', 'headcount', ''])('%j is not a metric', (raw) => {
    expect(parseMetric(raw)).toBeUndefined();
  });
});
