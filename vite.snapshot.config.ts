/**
 * Builds the snapshot template: the app as one self-contained HTML file (scripts and styles
 * inline), written beside the app's own build, where the app fetches it to fill with data.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

export default defineConfig({
  plugins: [react(), viteSingleFile({ removeViteModuleLoader: true })],
  base: './',
  build: {
    target: 'es2022',
    outDir: process.env.DSG_DIST ?? 'dist',
    emptyOutDir: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: 'snapshot.html' },
  },
});
