// Module resolution hook: `electron` is the stub beside this file.
export function resolve(specifier, context, next) {
  if (specifier === 'electron') {
    return Promise.resolve({ url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true, format: 'module' });
  }
  return next(specifier, context);
}
