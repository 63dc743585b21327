import { describe, expect, it } from 'vitest';
import { createInstrumentation } from './create-instrumentation';

describe('createInstrumentation', () => {
  it('installs on the first subscription only, and stops calling a handler that unsubscribed', () => {
    let installs = 0;
    let emit: (value: number) => void = () => undefined;
    const add = createInstrumentation<number>('test', (e) => {
      installs++;
      emit = e;
    });
    const seen: number[] = [];
    const stop = add((value) => seen.push(value));
    add(() => undefined);
    emit(1);
    stop();
    emit(2);
    expect(installs).toBe(1);
    expect(seen).toEqual([1]);
  });

  it('carries on past a throwing handler and drops emits made from inside a handler', () => {
    let emit: (value: string) => void = () => undefined;
    const add = createInstrumentation<string>('test', (e) => {
      emit = e;
    });
    const seen: string[] = [];
    add(() => {
      throw new Error('handler bug');
    });
    add((value) => {
      seen.push(value);
      emit(`${value} again`);
    });
    expect(() => emit('once')).not.toThrow();
    expect(seen).toEqual(['once']);
  });
});
