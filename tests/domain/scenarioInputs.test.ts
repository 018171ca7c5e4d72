/** Reading the Scenarios view's inputs exactly, and checking saved scenarios read back. */
import { describe, expect, it } from 'vitest';
import { isSavedScenario } from '../../src/domain/scenarioCheck';
import { readDriver, readMonth, readNumber, readPercent, readPounds } from '../../src/views/scenarios/shape';

describe('driver inputs', () => {
  it('reads numbers as decimal strings, never through a float', () => {
    expect(readNumber('17.5')).toEqual({ ok: true, value: '17.5' });
    expect(readNumber('1,200')).toEqual({ ok: true, value: '1200' });
    expect(readNumber('0.1')).toEqual({ ok: true, value: '0.1' });
    expect(readNumber('three')).toEqual({ ok: false, reason: '"three" is not a number. Enter a number such as 12, 12.5 or -3' });
    expect(readNumber('-1', { min: '0' })).toEqual({ ok: false, reason: 'Enter a number of at least 0' });
    expect(readNumber('1e3').ok).toBe(false);
  });
  it('reads percentages as fractions', () => {
    expect(readPercent('3.5')).toEqual({ ok: true, value: '0.035' });
    expect(readPercent('3.5%')).toEqual({ ok: true, value: '0.035' });
    expect(readPercent('-100').ok).toBe(false);
    expect(readDriver('inflation', '0.1')).toEqual({ ok: true, value: '0.001' });
  });
  it('reads money as councils write it', () => {
    expect(readPounds('£1,234.56')).toEqual({ ok: true, value: '1234.56' });
    expect(readPounds('£0.25m')).toEqual({ ok: true, value: '250000' });
    expect(readPounds('0', { positive: true }).ok).toBe(false);
    expect(readPounds('lots').ok).toBe(false);
  });
  it('reads months', () => {
    expect(readMonth('September 2026')).toEqual({ ok: true, value: '2026-09' });
    expect(readMonth('2026-09')).toEqual({ ok: true, value: '2026-09' });
    expect(readMonth('soon').ok).toBe(false);
  });
});

describe('saved scenarios read back', () => {
  const good = {
    name: 'A', savedAt: '2026-11-22T12:00:00Z',
    scenario: {
      drivers: { newPlansPerMonth: '17.5', endingsPerMonth: '24', costPerPlan: '5208.95', inflation: '0.03', incomeGrowth: '0' },
      oneOffs: [{ label: 'Saving', fy: 2024, pounds: '-250000', everyYearFrom: true }],
      changes: [{ label: 'Fewer', driver: 'newPlansPerMonth', change: '-2', fromMonth: '2024-09' }],
      placementChanges: [{ label: 'Local', type: 'independent', change: '-20', fromMonth: '2026-09', to: 'special' }],
    },
  };
  it('accepts a well-formed one and refuses a broken one', () => {
    expect(isSavedScenario(good)).toBe(true);
    expect(isSavedScenario({ ...good, scenario: { ...good.scenario, drivers: { ...good.scenario.drivers, inflation: 'x' } } })).toBe(false);
    expect(isSavedScenario({ ...good, scenario: { ...good.scenario, changes: [{ ...good.scenario.changes[0], fromMonth: '2024-13' }] } })).toBe(false);
    expect(isSavedScenario({ ...good, scenario: { ...good.scenario, placementChanges: [{ ...good.scenario.placementChanges[0], type: 'boarding' }] } })).toBe(false);
    expect(isSavedScenario(null)).toBe(false);
  });
});
