import { DEBUG_BUILD, debug } from '../lib';

/** What a user hook "returned" when it threw or its promise rejected. */
export const THREW: unique symbol = Symbol('threw');

/** Awaits what an async user hook (`beforeSend`, an event processor) returned; `THREW` when it rejects. */
export async function settleUserHook(name: string, result: PromiseLike<unknown>): Promise<unknown> {
  try {
    return await result;
  } catch (error) {
    DEBUG_BUILD && debug.error(`${name} rejected; carrying on as if it had not run:`, error);
    return THREW;
  }
}
