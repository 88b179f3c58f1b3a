// Loads what every consumer test needs: the published bundle (and the per-group files
// beside it), the vendor vocabulary, and the shared case corpus in tests/data/cases.
//
// The schema directory is src/nip/parameters/_schemas/1.0, written by `make generate`.
// NIP_SCHEMA_DIR points the tests at another directory with the same layout.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SCHEMA_DIR = resolve(process.env.NIP_SCHEMA_DIR ?? join(REPO, "src/nip/parameters/_schemas/1.0"));
export const BUNDLE_PATH = join(SCHEMA_DIR, "bundle.json");
export const BUNDLE_ID = "https://nip-parameters.org/schema/1.0/bundle.json";
const CASES_DIR = join(REPO, "tests/data/cases");

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** The published bundle; a clear error when it has not been generated yet. */
export function loadBundle() {
  if (!existsSync(BUNDLE_PATH)) {
    throw new Error(`no schema bundle at ${BUNDLE_PATH}: run \`make generate\` (or set NIP_SCHEMA_DIR)`);
  }
  const bundle = readJson(BUNDLE_PATH);
  if (bundle.$id !== BUNDLE_ID) throw new Error(`bundle $id is ${bundle.$id}, expected ${BUNDLE_ID}`);
  return bundle;
}

/** The bundle's file:// URL: what a config next to it resolves "./bundle.json" to. */
export const BUNDLE_URL = pathToFileURL(BUNDLE_PATH).href;

/** schema/limits.json: the string length and integer range every value must keep. JSON.parse
 * reads the 64-bit bounds as the nearest doubles, as the bundle's own bounds are read. */
export const loadLimits = () => readJson(join(REPO, "schema/limits.json"));

/** Every vendor keyword of schema/vocabulary.json, with the group it is listed in. */
export function loadVocabulary() {
  const vocab = readJson(join(REPO, "schema/vocabulary.json"));
  const keywords = new Map();
  for (const [group, entries] of Object.entries(vocab)) {
    if (group.startsWith("$")) continue;
    for (const keyword of Object.keys(entries)) keywords.set(keyword, group);
  }
  return keywords;
}

/** The case corpus: {valid: [{id, input, why}], invalid: [{id, input, pointer, why}]}. */
export function loadCases() {
  const read = (kind) =>
    readdirSync(join(CASES_DIR, kind))
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => readJson(join(CASES_DIR, kind, f)));
  const cases = { valid: read("valid"), invalid: read("invalid") };
  if (!cases.valid.length || !cases.invalid.length) {
    throw new Error(`empty case corpus in ${CASES_DIR}: run python3 tests/data/make_cases.py`);
  }
  return cases;
}
