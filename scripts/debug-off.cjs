/**
 * The `debug` package as the bundle sees it: every logger off. Only bundled dependencies' own
 * tracing uses it (the virtual port's serialport stream and mock binding, the dashboard's schema
 * tools); `serialport` for real devices stays external with its own. CommonJS, as `debug` is:
 * `require('debug')` and `import debug from 'debug'` both get the factory.
 */
const off = () => {};
off.enabled = false;
off.extend = () => off;

const createDebug = () => off;
createDebug.enable = () => {};
createDebug.disable = () => '';
createDebug.enabled = () => false;
createDebug.default = createDebug;

module.exports = createDebug;
