/**
 * The Budget lines filter, kept outside the view so other views can drill into it (a block or a
 * month in the Variance table opens Budget lines filtered to it). View state only: not persisted.
 */
import { create } from 'zustand';
import type { Block } from '../../model/blocks';
import type { LineFilter, SortDir, SortKey } from './shape';

interface LineViewState extends LineFilter {
  sort: SortKey;
  dir: SortDir;
  setFilter(f: Partial<LineFilter>): void;
  setSort(key: SortKey): void;
  /** Open Budget lines on a block and/or a period. */
  drill(block: Block | null, period: number | null): void;
}

export const useLineView = create<LineViewState>()((set, get) => ({
  block: null,
  period: null,
  query: '',
  sort: 'block',
  dir: 'ascending',
  setFilter(f) {
    set(f);
  },
  setSort(key) {
    const s = get();
    // Money columns open largest first (the biggest variance is what an officer looks for).
    const firstDir: SortDir = key === 'block' || key === 'line' ? 'ascending' : 'descending';
    set({ sort: key, dir: s.sort === key ? (s.dir === 'ascending' ? 'descending' : 'ascending') : firstDir });
  },
  drill(block, period) {
    set({ block, period, query: '' });
    window.location.hash = '#/lines';
  },
}));
