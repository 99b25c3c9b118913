// Builds the CLI that bin/k8s-weekly.js runs: one entry file that holds only argument parsing,
// and chunks beside it that each command loads when it runs. Most of a run's start-up used to go
// to resolving and compiling hundreds of module files; a bundle pays for one file per step.
// The chunks are CommonJS, which src/bundle-loader.ts (start.js) runs with V8's code cache.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import Handlebars from "handlebars";

/**
 * A plugin that hands an import, where `importedBy` accepts the importing file, a module of fixed
 * contents instead of the package's own.
 */
function replaceImport(name, filter, contents, importedBy = () => true) {
  return {
    name,
    setup(plugin) {
      plugin.onResolve({ filter }, (args) => (importedBy(args.importer) ? { path: args.path, namespace: name } : undefined));
      plugin.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: "js" }));
    },
  };
}

/**
 * Handlebars builds its compiled templates with source-map's SourceNode when it can load it, and
 * with a small built-in stand-in otherwise. We never ask for source maps of templates, and the
 * library costs more than the templates' whole rendering, so Handlebars gets the stand-in.
 */
const noSourceMap = replaceImport("no-source-map", /^source-map$/, "module.exports = {};", (importer) => importer.includes("handlebars"));

/**
 * @octokit/request reads every JSON answer with json-with-bigint, which on Node 20 rewrites the
 * whole text with a regular expression and then revives every value, to turn integers past 2^53
 * into BigInts. A cold week's answers are some hundreds of kilobytes (a megabyte on GitHub), read
 * four times slower so; and no field k8s-weekly reads may hold such an integer: the response checks
 * refuse any above Number.MAX_SAFE_INTEGER, as they refuse a BigInt. The bundle parses with JSON.
 */
const plainJson = replaceImport(
  "plain-json",
  /^json-with-bigint$/,
  "export const JSONParse = (text, reviver) => JSON.parse(text, reviver);\nexport const JSONStringify = (value, replacer, space) => JSON.stringify(value, replacer, space);\n",
);

/**
 * commander requires node:child_process when it loads, for subcommands that are executables of
 * their own, which k8s-weekly has none of; loading it (with net, dgram and streams) cost every
 * start, `--help` included, some 3 ms. Commander gets it on first use instead.
 */
const lazyChildProcess = replaceImport(
  "lazy-child-process",
  /^(?:node:)?child_process$/,
  'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
  (importer) => /[\\/]node_modules[\\/]commander[\\/]/.test(importer),
);

/** Fills src/render/precompiled.ts with the shipped templates, parsed and compiled as render-post.ts would. */
const precompiledTemplates = {
  name: "precompiled-templates",
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled\.ts$/ }, async (args) => {
      const module = await build({ entryPoints: [args.path], write: false, format: "esm", logLevel: "silent" });
      const { COMPILE_OPTIONS } = await import(`data:text/javascript,${encodeURIComponent(module.outputFiles[0].text)}`);
      const files = ["post.md.hbs", ...readdirSync("templates/partials").filter((file) => file.endsWith(".hbs")).map((file) => join("partials", file))];
      const entries = files.map((file) => {
        const source = readFileSync(join("templates", file), "utf8");
        const ast = JSON.stringify(Handlebars.parseWithoutProcessing(source));
        return `[${JSON.stringify(source)}, { ast: ${ast}, spec: ${Handlebars.precompile(source, COMPILE_OPTIONS)} }]`;
      });
      return {
        contents: `export const COMPILE_OPTIONS = ${JSON.stringify(COMPILE_OPTIONS)};\nexport const PRECOMPILED = new Map([\n${entries.join(",\n")}\n]);\n`,
        loader: "js",
        watchFiles: files.map((file) => join("templates", file)),
      };
    });
  },
};

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
/** Replaces src/config/config-validator.ts with the validator Ajv generates from the schema. */
const precompiledConfigValidator = {
  name: "precompiled-config-validator",
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]src[\\/]config[\\/]config-validator\.ts$/ }, async (args) => {
      const module = await build({ entryPoints: [args.path], write: false, format: "esm", logLevel: "silent" });
      const { AJV_OPTIONS } = await import(`data:text/javascript,${encodeURIComponent(module.outputFiles[0].text)}`);
      const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
      const validate = ajv.compile(JSON.parse(readFileSync("schema/config.schema.json", "utf8")));
      return {
        contents: `${standaloneCode(ajv, validate)}\nexport async function configValidator() { return validate; }\n`,
        loader: "js",
        resolveDir: dirname(args.path),
        watchFiles: ["schema/config.schema.json"],
      };
    });
  },
};

/**
 * Replaces src/fetch/validators.ts with the checks Ajv generates from src/fetch/response-schemas.ts
 * at build time, under the same export names: compiling them at start cost a cold draft more CPU
 * than classifying its week.
 */
const precompiledResponseValidators = {
  name: "precompiled-response-validators",
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]src[\\/]fetch[\\/]validators\.ts$/ }, async (args) => {
      const schemasPath = join(dirname(args.path), "response-schemas.ts");
      const module = await build({ entryPoints: [schemasPath], bundle: true, write: false, format: "esm", logLevel: "silent" });
      const { RESPONSE_AJV_OPTIONS, RESPONSE_SCHEMAS } = await import(`data:text/javascript,${encodeURIComponent(module.outputFiles[0].text)}`);
      const ajv = new Ajv({ ...RESPONSE_AJV_OPTIONS, code: { source: true, esm: true } });
      for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) ajv.addSchema(schema, name);
      const names = Object.fromEntries(Object.keys(RESPONSE_SCHEMAS).map((name) => [name, name]));
      return { contents: standaloneCode(ajv, names), loader: "js", resolveDir: dirname(args.path), watchFiles: [schemasPath] };
    });
  },
};

/**
 * Replaces src/classify/default-rules.ts with the rule table it parses, as data: the schema it is
 * parsed from needs zod, which a draft without a config file would otherwise load for nothing.
 */
const defaultRulesAsData = {
  name: "default-rules-as-data",
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]src[\\/]classify[\\/]default-rules\.ts$/ }, async (args) => {
      const module = await build({ entryPoints: [args.path], bundle: true, platform: "node", write: false, format: "esm", logLevel: "silent" });
      const { DEFAULT_RULES } = await import(`data:text/javascript,${encodeURIComponent(module.outputFiles[0].text)}`);
      return { contents: `export const DEFAULT_RULES = ${JSON.stringify(DEFAULT_RULES)};\n`, loader: "js", watchFiles: ["src/classify/rule-schema.ts"] };
    });
  },
};

// Chunk names carry content hashes: without this, every build would leave its old chunks behind.
rmSync("dist/bundle", { recursive: true, force: true });

// esbuild splits only ES modules into chunks; each chunk is then turned into CommonJS, whose
// import() of another chunk becomes a require() that src/bundle-loader.ts answers. The loader hands
// every chunk `require`, `__filename`, `__dirname` and `__importMetaUrl` (its file: URL).
const result = await build({
  entryPoints: { "k8s-weekly": "src/cli.ts" },
  outdir: "dist/bundle",
  outExtension: { ".js": ".cjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  define: { "import.meta.url": "__importMetaUrl" },
  // Start-up parses every loaded chunk: less text to scan is a faster start. Names stay, so stack
  // traces and error class names read as in the source.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [noSourceMap, plainJson, lazyChildProcess, precompiledTemplates, precompiledConfigValidator, precompiledResponseValidators, defaultRulesAsData],
  logLevel: "warning",
  metafile: process.argv.includes("--metafile"),
  write: false,
});
for (const file of result.outputFiles) {
  const chunk = await transform(file.text, {
    format: "cjs",
    platform: "node",
    target: "node20",
    supported: { "dynamic-import": false },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, chunk.code);
}

// The loader itself, an ES module that bin/k8s-weekly.js imports.
await build({ entryPoints: { start: "src/bundle-loader.ts" }, outdir: "dist/bundle", bundle: true, format: "esm", platform: "node", target: "node20", minifyWhitespace: true, minifySyntax: true, logLevel: "warning" });
if (result.metafile) process.stdout.write(JSON.stringify(result.metafile));
