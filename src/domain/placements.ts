/** Reading placement types and age bands as councils write them (the DfE template's names first). */
import type { AgeBand, PlacementType } from '../model/placements';

export const PLACEMENT_ACCEPTED =
  'one of the DfE template\'s types: mainstream school or academy; resourced provision or SEN unit; maintained special school or special academy; non-maintained or independent special school; hospital school or alternative provision; post-16 and further education; other or direct payments';
export const AGE_BAND_ACCEPTED = 'under 5, 5 to 10, 11 to 15, 16 to 19 or 20 to 25 (also 0-4, 5-10, …)';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Ordered: the first rule whose words match wins ("independent special" before "special"). */
const TYPE_RULES: [RegExp, PlacementType][] = [
  [/\b(non maintained|independent|nmss|inmss|ism)\b/, 'independent'],
  [/\b(resourced|resource base|arp|sen unit|unit|enhanced)\b/, 'resourced'],
  [/\b(alternative provision|ap|pru|hospital|pupil referral)\b/, 'ap'],
  [/\b(post 16|post16|further education|fe|college|16 25)\b/, 'post16'],
  [/\b(special)\b/, 'special'],
  [/\b(mainstream|academy|primary|secondary)\b/, 'mainstream'],
  [/\b(other|direct payments?|eotas|elective home|home education)\b/, 'other'],
];

export function parsePlacementType(raw: string): PlacementType | undefined {
  const h = norm(raw);
  if (h === '') return undefined;
  return TYPE_RULES.find(([re]) => re.test(h))?.[1];
}

export function parseAgeBand(raw: string): AgeBand | undefined {
  const h = norm(raw).replace(/\b(age|aged|years?|yrs?)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(under 5|0 4|0 to 4|early years|u5)$/.test(h)) return 'under 5';
  const m = /^(\d{1,2}) (?:to )?(\d{1,2})$/.exec(h);
  if (!m) return undefined;
  const key = `${Number(m[1])}-${Number(m[2])}`;
  return ({ '5-10': '5 to 10', '11-15': '11 to 15', '16-19': '16 to 19', '20-25': '20 to 25' } as Record<string, AgeBand>)[key];
}
