/** Kept in step with package.json's version by the tests. */
export const VERSION = '0.1.0';
