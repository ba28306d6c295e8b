// Lint rules for the whole workspace. Module boundaries are enforced here:
// every project carries Nx tags (scope:<context> | scope:shared, type:<kind>)
// and the constraints below decide who may import whom.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '.nx', 'tmp', 'data', '.local-infra'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            // Kinds of project: what a project of each type may depend on.
            {
              sourceTag: 'type:app',
              // An app may serve another app's built files (the platform host serves the admin console).
              onlyDependOnLibsWithTags: [
                'type:app',
                'type:service',
                'type:lib',
                'type:contracts',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:lib',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:testing'],
            },
            // Bounded contexts: a context sees only itself and the shared libraries.
            // The platform host is the one place allowed to assemble every context.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:help-desk',
              onlyDependOnLibsWithTags: ['scope:help-desk', 'scope:shared'],
            },
            {
              sourceTag: 'scope:knowledge-base',
              onlyDependOnLibsWithTags: ['scope:knowledge-base', 'scope:shared'],
            },
            {
              sourceTag: 'scope:training',
              onlyDependOnLibsWithTags: ['scope:training', 'scope:shared'],
            },
            {
              sourceTag: 'scope:innovation-research',
              onlyDependOnLibsWithTags: ['scope:innovation-research', 'scope:shared'],
            },
            {
              sourceTag: 'scope:quality-monitoring',
              onlyDependOnLibsWithTags: ['scope:quality-monitoring', 'scope:shared'],
            },
            {
              sourceTag: 'scope:reporting',
              onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'],
            },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
            // The admin console runs in the browser and talks to the services over HTTP:
            // of the other projects it sees only the shared contracts, never a service's
            // code nor the Node libraries.
            {
              sourceTag: 'scope:admin-console',
              onlyDependOnLibsWithTags: ['scope:admin-console', 'scope:shared'],
            },
            { sourceTag: 'scope:admin-console', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dist/**'],
              message: 'Import from the package entry point, never from dist.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.contract-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.contract.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Domain code stays free of framework and I/O.
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'mongoose',
            'kafkajs',
            'better-sqlite3',
            'mongodb',
            {
              name: '@sfp/event-sourcing',
              message: 'Domain code imports @sfp/event-sourcing/domain, the part with no adapters.',
            },
          ],
          patterns: [{ group: ['@nestjs/*'], message: 'Domain code imports no framework.' }],
        },
      ],
    },
  },
  // The admin console (React 19, automatic JSX runtime): React's recommended rules
  // and the Rules of Hooks, with the React Compiler checks of the hooks plugin.
  ...[
    react.configs.flat.recommended,
    react.configs.flat['jsx-runtime'],
    reactHooks.configs.flat.recommended,
    { settings: { react: { version: 'detect' } } },
  ].map((config) => ({ ...config, files: ['services/admin-console/src/**/*.tsx'] })),
];
