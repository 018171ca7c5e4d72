import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths so the built app also works from a sub-folder or a file copy.
  base: './',
  build: { target: 'es2022', sourcemap: true },
  // The import worker is a module worker: as ES it can load SheetJS as a chunk of its own, only for
  // spreadsheets (the default IIFE format would inline it into the worker every CSV import starts).
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
