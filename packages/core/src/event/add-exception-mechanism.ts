import type { Event, Mechanism } from '../types';

/**
 * Merges `mechanism` onto the event's last exception (the thrown one): `type` defaults to
 * `generic`, `handled` to true, `data` is merged key by key. Does nothing without exceptions.
 */
export function addExceptionMechanism(event: Event, mechanism?: Partial<Mechanism>): void {
  try {
    const values = event.exception?.values;
    const last = Array.isArray(values) ? values[values.length - 1] : undefined;
    if (!last || typeof last !== 'object') return;
    const current = last.mechanism;
    const update = mechanism && typeof mechanism === 'object' ? mechanism : {};
    const merged: Mechanism = { type: 'generic', handled: true, ...current, ...update };
    if (current?.data || update.data) merged.data = { ...current?.data, ...update.data };
    for (const key of Object.keys(merged) as (keyof Mechanism)[]) {
      if (merged[key] === undefined) delete merged[key];
    }
    if (typeof merged.type !== 'string' || !merged.type) merged.type = 'generic';
    last.mechanism = merged;
  } catch {
    // a hostile event or mechanism (throwing getters, Proxies) is left as it was
  }
}
