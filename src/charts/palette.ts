/**
 * Colours from the Okabe-Ito colour-blind-safe set, darkened where needed so every mark has at
 * least 3:1 contrast on white (WCAG 1.4.11). Colour is never the only cue: each series also has
 * a fill pattern, line dash or marker shape, a legend entry and a row in the table alternative.
 */
import type { Block } from '../model/blocks';

export const COLOURS = {
  blue: '#0072B2',
  vermillion: '#C24E00',
  green: '#007A5A',
  purple: '#9E4A86',
  grey: '#505050',
  black: '#0b0c0c',
} as const;

export type PatternKind = 'solid' | 'stripes' | 'dots' | 'cross';

export interface SeriesStyle {
  colour: string;
  pattern: PatternKind;
}

export const BLOCK_STYLE: Record<Block, SeriesStyle> = {
  Schools: { colour: COLOURS.blue, pattern: 'solid' },
  'Central School Services': { colour: COLOURS.purple, pattern: 'dots' },
  'High Needs': { colour: COLOURS.vermillion, pattern: 'stripes' },
  'Early Years': { colour: COLOURS.green, pattern: 'cross' },
};
