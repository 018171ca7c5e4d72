/** The four DSG blocks (SPEC section 2) and the names councils use for them. */

export const BLOCKS = ['Schools', 'Central School Services', 'High Needs', 'Early Years'] as const;
export type Block = (typeof BLOCKS)[number];

export const BLOCK_ACCEPTED =
  'Schools, Central School Services, High Needs or Early Years (or SB, CSSB, HNB, EYB)';

const SYNONYMS: Record<string, Block> = {
  schools: 'Schools',
  school: 'Schools',
  sb: 'Schools',
  'central school services': 'Central School Services',
  'central schools services': 'Central School Services',
  'central school service': 'Central School Services',
  cssb: 'Central School Services',
  css: 'Central School Services',
  central: 'Central School Services',
  'high needs': 'High Needs',
  'high need': 'High Needs',
  hnb: 'High Needs',
  hn: 'High Needs',
  'early years': 'Early Years',
  'early year': 'Early Years',
  eyb: 'Early Years',
  ey: 'Early Years',
};

/** "High Needs Block", "HNB", "high-needs" → "High Needs"; undefined when it names no block. */
export function parseBlock(raw: string): Block | undefined {
  const key = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(dsg|block)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return SYNONYMS[key];
}

export function blockOrder(b: Block): number {
  return BLOCKS.indexOf(b);
}
