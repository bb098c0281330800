// Module resolution hook: `electron` is the stub beside this file.
type Resolved = { url: string; shortCircuit?: boolean; format?: string | null };
type Next = (specifier: string, context: unknown) => Promise<Resolved>;

export function resolve(specifier: string, context: unknown, next: Next): Promise<Resolved> {
  if (specifier === 'electron') {
    return Promise.resolve({ url: new URL('./stubElectron.ts', import.meta.url).href, shortCircuit: true, format: 'module' });
  }
  return next(specifier, context);
}
