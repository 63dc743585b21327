// Rollup's `extend: true` IIFE wrapper hands the bundle `this.Sentry = this.Sentry || {}`. When a page
// already holds a string, a number or a frozen object there, every export assignment throws and the
// SDK dies with an uncaught TypeError at load. This plugin makes the wrapper start from a fresh object
// whenever the existing value cannot take new members. Only the wrapper's last line changes, so the
// source map holds.

/** Rollup plugin for `extend: true` IIFE bundles; fails the build if rollup's wrapper changed shape. */
export function extendableGlobal() {
  return {
    name: 'extendable-global',
    renderChunk(code, chunk, options) {
      if (options.format !== 'iife' || !options.extend) return null;
      const global = `this.${options.name}`;
      const wrapperArgument = `${global} = ${global} || {}`;
      const at = code.lastIndexOf(wrapperArgument);
      if (at < 0) this.error(`extendable-global: rollup's wrapper no longer passes "${wrapperArgument}"`);
      const guarded = `${global} = Object.isExtensible(${global}) ? ${global} : {}`;
      return { code: code.slice(0, at) + guarded + code.slice(at + wrapperArgument.length), map: null };
    },
  };
}
