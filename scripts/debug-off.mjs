/**
 * The `debug` package as the bundle sees it: every logger off. Only bundled dependencies' own
 * tracing uses it (the virtual port's serialport stream and mock binding); `serialport` for real
 * devices stays external with its own.
 */
const off = () => {};
off.enabled = false;
off.extend = () => off;

const createDebug = () => off;
createDebug.enable = () => {};
createDebug.disable = () => '';
createDebug.enabled = () => false;

export default createDebug;
