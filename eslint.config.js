// The browser code's linter (scripts/test.sh runs it after tsc): ESLint's recommended rules over
// the sources and their node tests. The generated modules are checked like the rest.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["src/mkdocs_sremgr/assets/src/**/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
