// Test tiers (STYLE.md §13): `unit` runs anywhere; `int` needs the real stack that
// scripts/zhiben.mjs provisions and describes through environment variables.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts'],
      // Console specs cover pure helpers only (no DOM); components are tested in the browser (e2e).
      testPathIgnorePatterns: ['/node_modules/'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{test,apps,libs,workflows}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest.int-setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/console-e2e/**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest.e2e-setup.ts'],
    },
  ],
};
