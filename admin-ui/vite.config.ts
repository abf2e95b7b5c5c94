import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app with hot reload and sends /api to the Host that `make run` starts.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': process.env.WORKFORCE_API ?? 'http://127.0.0.1:5080' },
  },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2048 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
