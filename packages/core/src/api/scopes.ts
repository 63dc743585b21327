import { withIsolationScope, withScope } from '../scope';

/** `withScope` under the Python SDK's name (`new_scope`). */
export const newScope: typeof withScope = withScope;

/** `withIsolationScope` under the Python SDK's name (`isolation_scope`). */
export const isolationScope: typeof withIsolationScope = withIsolationScope;
