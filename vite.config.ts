import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/lib/vite-precompress';

// The web app lives in web/; in development /api is proxied to the server (npm run dev:server).
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  // The DSFR stylesheet carries old IE hacks (`@media (min-width: 0\0)`) that LightningCSS rejects: drop them.
  css: { lightningcss: { errorRecovery: true } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // MapLibre's code in its own long-cached chunk, loaded only by pages that draw a map (its
        // stylesheet stays in the main one: in that chunk it would pull the code into every page).
        manualChunks: (id) => (id.includes('node_modules/maplibre-gl') && !id.endsWith('.css') ? 'maplibre' : undefined),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
