/**
 * The reports the views show, each computed once per dataset and settings (and as-at period):
 * the header's period chooser and the views both need them, and they are the costliest thing the
 * page computes. Memos keyed by the objects' identity, so any store may share them. Pure.
 */
import type { Settings } from '../model/settings';
import type { Dataset } from '../model/dataset';
import { buildReport, type Report } from '../domain/report';

let lastFull: { dataset: Dataset; settings: Settings; report: Report } | undefined;

/** The report on all the data held. */
export function fullReport(dataset: Dataset, settings: Settings): Report {
  if (lastFull?.dataset !== dataset || lastFull.settings !== settings) lastFull = { dataset, settings, report: buildReport(dataset, settings) };
  return lastFull.report;
}

/** Keeps a report already worked out (the store's rebuild before each change), so it is not worked out again. */
export function primeFullReport(dataset: Dataset, settings: Settings, report: Report): void {
  lastFull = { dataset, settings, report };
}

let lastAsAt: { dataset: Dataset; settings: Settings; fy: number; period: number; report: Report } | undefined;

/** The same for the year viewed as at a period: one for the header and the view alike. */
export function asAtReport(dataset: Dataset, settings: Settings, fy: number, period: number): Report {
  if (lastAsAt?.dataset !== dataset || lastAsAt.settings !== settings || lastAsAt.fy !== fy || lastAsAt.period !== period) {
    lastAsAt = { dataset, settings, fy, period, report: buildReport(dataset, settings, [], { fy, period }) };
  }
  return lastAsAt.report;
}
