/** Tiers live in test/unit, test/contract, test/api and test/e2e; `npm test` runs them all. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Tests compile to CommonJS (the build's node16 output is CommonJS too) so that `import()` of
  // the ES-module-only hyparquet becomes a require(), which jest's runtime can serve without
  // --experimental-vm-modules; hyparquet's own files are compiled to CommonJS the same way.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs' } }],
    '/node_modules/hyparquet(-writer)?/.+\\.js$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', allowJs: true } },
    ],
  },
  // Everything else in node_modules stays untransformed, as by default.
  transformIgnorePatterns: ['/node_modules/(?!(hyparquet|hyparquet-writer)/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  maxWorkers: 2,
};
