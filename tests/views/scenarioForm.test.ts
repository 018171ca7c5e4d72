/** The scenario forms' rules (views/scenarios/scenarioForm.ts): each form read, or refused field by field. */
import { describe, expect, it } from 'vitest';
import type { ProjectedYear } from '../../src/domain/projection';
import type { SavedScenario } from '../../src/model/dataset';
import type { Pence } from '../../src/model/money';
import type { Scenario } from '../../src/model/scenario';
import {
  CURRENT, compareTitle, comparedPair, driverChangeText, oneOffText, readAmountForm, readDriverChangeForm, readPlacementChangeForm, withSaved,
} from '../../src/views/scenarios/scenarioForm';

const scenario: Scenario = { drivers: { newPlansPerMonth: '10', endingsPerMonth: '5', costPerPlan: '20000', inflation: '0.03', incomeGrowth: '0.02' }, oneOffs: [], changes: [] };
const saved = (name: string): SavedScenario => ({ name, savedAt: '2026-11-01T09:00:00.000Z', scenario });
const year = (label: string, gross: number) => ({ label, cumulativeDeficitGross: gross as Pence }) as ProjectedYear;

describe('the saving or pressure form', () => {
  it('reads a saving as a negative amount, a pressure as positive, the name defaulted', () => {
    expect(readAmountForm({ label: ' Banding review ', fy: '2025', kind: 'saving', amount: '£250,000', every: true })).toEqual({
      ok: true, value: { label: 'Banding review', fy: 2025, pounds: '-250000', everyYearFrom: true },
    });
    expect(readAmountForm({ label: '', fy: '2026', kind: 'pressure', amount: '£0.25m', every: false })).toEqual({ ok: true, value: { label: 'Pressure', fy: 2026, pounds: '250000' } });
    expect(readAmountForm({ label: '', fy: '2026', kind: 'saving', amount: '1,234.56', every: false })).toEqual({ ok: true, value: { label: 'Saving', fy: 2026, pounds: '-1234.56' } });
  });
  it('refuses no amount, a zero or negative one, and no year, naming each field', () => {
    const none = readAmountForm({ label: '', fy: '', kind: 'saving', amount: '', every: false });
    expect(!none.ok && Object.keys(none.errors)).toEqual(['amount', 'fy']);
    expect(!none.ok && none.errors.fy).toBe('There is no agreement year to put it in');
    const zero = readAmountForm({ label: '', fy: '2025', kind: 'saving', amount: '0', every: false });
    expect(!zero.ok && zero.errors).toEqual({ amount: 'Enter an amount above £0' });
    const words = readAmountForm({ label: '', fy: '2025', kind: 'saving', amount: 'lots', every: false });
    expect(!words.ok && words.errors.amount).toMatch(/Enter /);
  });
  it('says the item in words', () => {
    expect(oneOffText({ label: 'Banding review', fy: 2025, pounds: '-250000', everyYearFrom: true })).toBe('Banding review: saving of £250,000 a year from 2025-26');
    expect(oneOffText({ label: 'Pressure', fy: 2026, pounds: '1234.5' })).toBe('Pressure: pressure of £1,235 in 2026-27');
  });
});

describe('the driver change form', () => {
  it('reads a number for plans, pounds for the cost per plan, and the month as a month key', () => {
    expect(readDriverChangeForm({ label: ' Early help ', driver: 'newPlansPerMonth', change: '-2', from: 'September 2026' })).toEqual({
      ok: true, value: { label: 'Early help', driver: 'newPlansPerMonth', change: '-2', fromMonth: '2026-09' },
    });
    expect(readDriverChangeForm({ label: '', driver: 'costPerPlan', change: '(£1,500)', from: '2027-01' })).toEqual({
      ok: true, value: { label: 'Driver change', driver: 'costPerPlan', change: '-1500', fromMonth: '2027-01' },
    });
  });
  it('refuses a change that is not a number and a month without its year, naming each field', () => {
    const bad = readDriverChangeForm({ label: '', driver: 'endingsPerMonth', change: 'two', from: 'September' });
    expect(!bad.ok && Object.keys(bad.errors)).toEqual(['change', 'from']);
    expect(!bad.ok && bad.errors.change).toBe('"two" is not a number. Enter a number such as 12, 12.5 or -3');
    expect(!bad.ok && bad.errors.from).toMatch(/Enter a month such as September 2026 or 2026-09$/);
  });
  it('says the item in words', () => {
    expect(driverChangeText({ label: 'Early help', driver: 'newPlansPerMonth', change: '-2', fromMonth: '2026-09' })).toBe('Early help: new plans per month -2 from September 2026');
    expect(driverChangeText({ label: 'More endings', driver: 'endingsPerMonth', change: '1.5', fromMonth: '2027-03' })).toBe('More endings: plans ending per month +1.5 from March 2027');
  });
});

describe('the placement change form', () => {
  it('reads fewer placements as a negative change, with the type they move to if any', () => {
    expect(readPlacementChangeForm({ label: '', type: 'independent', count: '20', to: 'special', from: 'Sep-26' })).toEqual({
      ok: true, value: { label: 'Placement change', type: 'independent', change: '-20', fromMonth: '2026-09', to: 'special' },
    });
    expect(readPlacementChangeForm({ label: 'Leave', type: 'post16', count: '3', to: '', from: '2026-04' })).toEqual({
      ok: true, value: { label: 'Leave', type: 'post16', change: '-3', fromMonth: '2026-04' },
    });
  });
  it('refuses a negative count, no month, and moving plans to the type they leave', () => {
    const bad = readPlacementChangeForm({ label: '', type: 'special', count: '-1', to: 'special', from: '' });
    expect(!bad.ok && bad.errors).toEqual({ count: 'Enter a number of at least 0', from: expect.stringMatching(/Enter a month/), to: 'Choose another type, or none' });
  });
});

describe('saving and comparing scenarios', () => {
  it('a save adds the scenario, or replaces the one of that name, and says which', () => {
    const first = withSaved([saved('A')], 'B', '2026-12-01T10:00:00.000Z', scenario);
    expect(first.list.map((s) => s.name)).toEqual(['A', 'B']);
    expect(first).toMatchObject({ label: 'scenario "B" saved', done: 'Saved: "B".' });
    const again = withSaved([saved('A'), saved('B')], 'A', '2026-12-01T10:00:00.000Z', scenario);
    expect(again.list.map((s) => [s.name, s.savedAt])).toEqual([['B', '2026-11-01T09:00:00.000Z'], ['A', '2026-12-01T10:00:00.000Z']]);
    expect(again.done).toBe('Saved: "A" replaces the scenario of that name.');
  });
  it('compares two different scenarios until the reader picks', () => {
    expect(comparedPair([], null, null)).toEqual({ a: CURRENT, b: CURRENT });
    expect(comparedPair([saved('A')], null, null)).toEqual({ a: 'A', b: CURRENT });
    expect(comparedPair([saved('A'), saved('B')], null, null)).toEqual({ a: 'A', b: 'B' });
    expect(comparedPair([saved('A'), saved('B')], CURRENT, null)).toEqual({ a: CURRENT, b: 'A' });
    expect(comparedPair([saved('A'), saved('B')], 'B', 'B')).toEqual({ a: 'B', b: 'B' });
  });
  it('titles the comparison with the difference, exactly, or without it where it cannot be held exactly', () => {
    const c = (x: number, y: number) => compareTitle([{ name: 'x', years: [year('2027-28', x)] }, { name: 'y', years: [year('2027-28', y)] }]);
    expect(c(1_000_000_00, 1_250_000_00)).toBe('A ends 2027-28 with a cumulative deficit £250,000 lower');
    expect(c(-5_00, 7_00)).toBe('A ends 2027-28 with a cumulative deficit £12 lower');
    expect(c(3_00, 3_00)).toBe('A and B end 2027-28 with the same cumulative deficit');
    expect(c(9_000_000_000_000_000, -9_000_000_000_000_000)).toBe('B ends 2027-28 with the lower cumulative deficit, by more than can be held exactly');
    expect(compareTitle([{ name: 'x', years: [] }, { name: 'y', years: [] }])).toBe('No agreement years are left to compare');
  });
});
