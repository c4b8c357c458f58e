import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '~': path.resolve(__dirname, 'app'),
      '#db': path.resolve(__dirname, 'db'),
      '#search': path.resolve(__dirname, 'search'),
    },
  },
  test: {
    include: ['tests/{unit,integration,contract}/**/*.test.ts'],
    globals: true,
    setupFiles: ['tests/setup/database.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
