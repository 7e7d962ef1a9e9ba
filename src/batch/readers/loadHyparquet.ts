/**
 * hyparquet is published as an ES module only, and this project compiles to CommonJS. TypeScript
 * (module node16) keeps this `import()` as a real dynamic import in the CommonJS output, which
 * Node loads at run time; a static import would be compiled to `require()` and is refused
 * (TS1479). Under jest, ts-jest compiles it to `require()` instead, and jest.config.js has
 * ts-jest transform hyparquet's own files to CommonJS so that works too. Node caches the
 * module, so calling this per file costs nothing after the first.
 */
export const loadHyparquet = () => import('hyparquet');
