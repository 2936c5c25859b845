import { createContext, useContext, type Context } from 'react';

/** A context and the hook that reads it. */
export interface StrictContext<T> {
  Context: Context<T | null>;
  /** Reads the value; throws a clear error when no provider is above the caller. */
  use: () => T;
}

/** A context that must have a provider above its readers, named `name` in errors and dev tools. */
export function strictContext<T>(name: string): StrictContext<T> {
  const context = createContext<T | null>(null);
  context.displayName = name;
  const use = (): T => {
    const value = useContext(context);
    if (value === null) throw new Error(`use${name} must be used inside <${name}Provider>`);
    return value;
  };
  return { Context: context, use };
}
