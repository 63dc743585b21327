// A rollup plugin that turns TypeScript into JavaScript file by file, without type checking. The
// CDN bundles use it: the package's npm build has type checked the same sources already, and a
// full TypeScript program for each of the twenty bundles was most of the build's time.
import { resolve } from 'node:path';
import ts from 'typescript';

/** The package's compiler options, made fit for emitting one module at a time with a source map. */
function readCompilerOptions(packageDir) {
  const configPath = resolve(packageDir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, packageDir);
  return {
    ...options,
    declaration: false,
    declarationMap: false,
    composite: false,
    incremental: false,
    noEmit: false,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
  };
}

/** @param {string} packageDir */
export function transpileTypescript(packageDir) {
  const compilerOptions = readCompilerOptions(packageDir);
  return {
    name: 'transpile-typescript',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.endsWith('.d.ts')) return null;
      const { outputText, sourceMapText } = ts.transpileModule(code, { compilerOptions, fileName: id });
      return { code: outputText.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'), map: sourceMapText };
    },
  };
}
