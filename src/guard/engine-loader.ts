import type { AnalyzeOptions, Finding } from '../engine/types';

/**
 * Loads the engine (entrypoints/engine.ts, ~250 KB gzip with compromise and the lexicons) on
 * demand, so the content script on every covered page stays small. Until it has loaded,
 * `analyze` answers null ("not checked yet"); the guard cancels a submit meanwhile and re-checks
 * it once `ready()` resolves (fail closed: never posted unchecked).
 */
export const ENGINE_GLOBAL = '__clearpostEngine';

export interface EngineModule {
  analyze(text: string, options?: AnalyzeOptions): Finding[];
}

export interface EngineLoader {
  /** The engine's verdict, or null while it is still loading (starts loading). */
  analyze(text: string, options?: AnalyzeOptions): Finding[] | null;
  /** Resolves when the engine is usable; rejects when it could not be loaded (a later call retries). */
  ready(): Promise<void>;
}

/** `load` evaluates the engine file (a dynamic import of its extension URL) in this world. */
export function createEngineLoader(load: () => Promise<unknown>, scope: Record<string, unknown> = globalThis as Record<string, unknown>): EngineLoader {
  let engine: EngineModule | undefined;
  let loading: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (engine) return Promise.resolve();
    loading ??= load().then(() => {
      const found = scope[ENGINE_GLOBAL] as EngineModule | undefined;
      if (!found || typeof found.analyze !== 'function') throw new Error('engine did not register');
      engine = found;
    }).catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  return {
    analyze(text, options) {
      if (engine) return engine.analyze(text, options);
      ready().catch(() => { /* the guard asks again at the next change or submit */ });
      return null;
    },
    ready,
  };
}
