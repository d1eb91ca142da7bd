// Jest as Backstage's own addons are tested (@backstage/cli runs jest with swc in jsdom):
// TypeScript, TSX and the ES modules Backstage publishes are compiled by swc; nothing else is.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  transform: {
    '\\.(ts|tsx|js|jsx|mjs)$': [
      '@swc/jest',
      { jsc: { target: 'es2020', transform: { react: { runtime: 'automatic' } } } },
    ],
  },
  // Images and stylesheets Backstage's components import (bundlers give them a URL).
  moduleNameMapper: {
    '\\.(svg|png|jpe?g|gif|webp|woff2?|eot|ttf|css)$': '<rootDir>/test/file-stub.js',
  },
  // Backstage and a few of its dependencies publish ES modules only: those are compiled too.
  transformIgnorePatterns: [],
  // Jest's cache lives in the package, so a second run (and CI's later steps) reuse it.
  // The first render loads the whole of Backstage's reader: seconds on a busy machine.
  testTimeout: 30000,
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
