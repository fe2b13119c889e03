/**
 * Jest runs in ESM mode (node --experimental-vm-modules): the @nestjs packages are ESM-only
 * and CommonJS Jest cannot load them on Node 20 (see shared STACK.md).
 */
const tsJest = [
  'ts-jest',
  {
    useESM: true,
    tsconfig: { module: 'esnext', moduleResolution: 'bundler', isolatedModules: true, rootDir: __dirname },
  },
];

const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

const common = {
  rootDir: __dirname,
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      // The web client's browser tests are Playwright's (npm run test:web).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/e2e/'],
    },
    {
      // Services and processors against real PostgreSQL and Redis, without HTTP.
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
  ],
};
