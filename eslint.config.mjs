import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'lib', 'coverage', 'tests/artifacts', '.tmp', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.recommended.rules },
  },
  {
    // The domain core stays pure: no host, UI or file-system modules.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'exceljs',
                'react',
                'react-dom',
                '@fluentui/*',
                '@microsoft/office-js',
                'fs',
                'node:*',
                'path',
              ],
              message: 'src/domain ist rein: keine Host-, UI- oder Dateisystem-Module.',
            },
            {
              group: ['../workbook/*', '../xlsx/*', '../excel/*', '../taskpane/*', '../cli/*'],
              message: 'src/domain hängt von keinem Adapter ab.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers point downwards only: the workbook layer knows the domain, never a host adapter or a UI.
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../xlsx/*',
                '../excel/*',
                '../taskpane/*',
                '../cli/*',
                '../functions/*',
                '../commands/*',
              ],
              message: 'src/workbook hängt nur von src/domain ab, nie von einem Adapter oder der Oberfläche.',
            },
          ],
        },
      ],
    },
  },
  {
    // Host adapters implement the port; they never reach up into the command line or the task pane.
    files: ['src/xlsx/**/*.ts', 'src/excel/**/*.ts'],
    // host.ts is the pane's seam inside Excel: it implements the pane's HostSeam type on purpose
    ignores: ['src/excel/host.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../taskpane/*', '../cli/*', '../commands/*'],
              message: 'Adapter importieren weder die Kommandozeile noch die Oberfläche.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
