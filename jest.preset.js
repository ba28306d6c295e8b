// Shared Jest settings for every project. Type-checking is the `typecheck`
// target's job, so ts-jest only transpiles here (fast, one file at a time).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');

const base = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: join(__dirname, 'tsconfig.spec.json'), diagnostics: false },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(base.compilerOptions.paths, {
    prefix: __dirname + '/',
  }),
  clearMocks: true,
};
