/** Settings every chart shares: sizing, no animation (print, tests, reduced motion), axis text. */
import type { CSSProperties } from 'react';

export const CHART_STYLE = (height = 320): CSSProperties => ({ width: '100%', height, maxWidth: '100%' });
export const AXIS_TICK = { fill: '#0b0c0c', fontSize: 12 };
export const AXIS_LABEL_STYLE = { fill: '#0b0c0c', fontSize: 12, textAnchor: 'middle' } as const;
export const MARGIN = { top: 16, right: 16, bottom: 8, left: 16 };
export const LEGEND_STYLE = { paddingBottom: 8, fontSize: 14 };
