type ConsoleModule = typeof import('./run-console.js');

let loading: Promise<ConsoleModule> | null = null;

/**
 * Loads the Ink console once. Yoga, Ink's layout engine, fetches its WebAssembly with `fetch` when
 * one exists, and in Node the first touch of `fetch` loads undici (~70 ms of start-up); hidden
 * while the modules evaluate, Yoga decodes its inline copy instead. Nothing else runs fetch then.
 */
export function loadConsole(): Promise<ConsoleModule> {
  if (loading) return loading;
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  const restore = (): void => {
    if (saved) Object.defineProperty(globalThis, 'fetch', saved);
    else Reflect.deleteProperty(globalThis, 'fetch');
  };
  loading = import('./run-console.js').finally(restore);
  return loading;
}
