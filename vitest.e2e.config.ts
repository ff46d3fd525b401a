import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium against the local SP-API sandbox server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globals: true,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
