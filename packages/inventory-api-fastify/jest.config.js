// ESM jest (run with NODE_OPTIONS=--experimental-vm-modules); @swc/jest compiles the TypeScript,
// since ts-jest cannot use TypeScript 7. cookie 2 (used by fastify's inject) ships ESM only and
// is loaded with require(), so it is compiled to CommonJS as well.
const swc = (type) => ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type } }];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': swc('es6'),
    '/cookie/dist/.+\\.js$': swc('commonjs'),
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/cookie@[^/]+/node_modules/)?cookie/)'],
};
