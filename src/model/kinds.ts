/** The kinds of file the app reads (SPEC section 5); how each is recognised is in `import/kinds.ts`. */

export const KINDS = ['budget', 'actuals', 'actualsWide', 'ledger', 'funding', 'agreement', 'ehcp', 'targets', 'conditions', 'placements', 'costCentreMap', 'ehcpGrid', 'ageCessations', 'tribunals'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  budget: 'budget',
  actuals: 'actuals (one row per line and period)',
  actualsWide: 'actuals, wide (one column per month)',
  ledger: 'ledger (one row per transaction)',
  funding: 'DSG funding',
  agreement: 'Safety Valve agreement',
  ehcp: 'EHCP numbers',
  targets: 'targets',
  conditions: 'agreement conditions',
  placements: 'EHCP placements',
  costCentreMap: 'cost centre map',
  ehcpGrid: 'EHCP year-by-month grid (plans issued or made inactive)',
  ageCessations: 'EHCPs made inactive and ceasing in progress by age group',
  tribunals: 'tribunals and mediations by calendar year',
};
