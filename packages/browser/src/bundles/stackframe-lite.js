// The CDN bundles' stand-in for the `stackframe` package that error-stack-parser creates its frames
// with: the SDK reads the plain fields only, so the class's validating getters and setters (about
// 1 KB gzip) are left out. npm builds use the real package.
module.exports = function StackFrame(fields) {
  for (const key in fields) if (fields[key] !== undefined) this[key] = fields[key];
};
