// A value held in this tab's memory for the whole visit (never in the URL or storage), which React components
// subscribe to: a reload starts afresh. The disclosure mode and the Data view's choices are two of them.
import { useSyncExternalStore } from 'react';

export interface MemoryStore<T> {
  readonly get: () => T;
  /** Replaces the value and tells every subscriber; setting the same value again tells nobody. */
  readonly set: (next: T) => void;
  /** The value, re-rendering the component when it changes. */
  readonly use: () => T;
}

export function createMemoryStore<T>(initial: T): MemoryStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const get = () => value;
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  };
  return {
    get,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, get),
  };
}
