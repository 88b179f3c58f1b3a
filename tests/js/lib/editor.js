// What an editor should offer for a config that names the bundle, derived from the bundle
// itself (no field name is written down here), plus the schema request service of an editor
// that is offline: file:// URLs come from disk, anything else is refused.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BundleIndex } from "./schema.js";
import { loadLimits } from "./load.js";

// nip's fixed mapping from scenario to agent class (the class names are nip's API).
export const SCENARIO_AGENT_CLASS = {
  graph_isomorphism: "GraphIsomorphismAgentParameters",
  image_classification: "ImageClassificationAgentParameters",
  code_validation: "CodeValidationAgentParameters",
};
export const RANDOM_AGENT_CLASS = "RandomAgentParameters";

/**
 * Every object an editor completes in, with the fields it should offer:
 * [{path: ["rl"], className, scenario, fields: Map(name -> field facts)}].
 * The root comes first, then each group, then one agent entry per scenario (where a
 * RandomAgentParameters entry is also allowed, so its values count as suggestible too).
 *
 * Field facts: description; suggestible (no doNotSuggest); values (enum/const/null an
 * editor should offer); sample (a value to write next to the name); bounds (the field's
 * range as ["≥ 0", "< 1"], without the integer limits every integer gets).
 */
export function completionSites(bundle) {
  const index = new BundleIndex(bundle);
  const describe = (cls) => {
    const fields = new Map();
    for (const [name, field] of index.properties(cls)) {
      const isClass = Boolean(index.fieldClass(field));
      fields.set(name, {
        description: index.description(field),
        suggestible: !field.schema.doNotSuggest,
        values: isClass ? [] : index.suggestedValues(field),
        sample: isClass ? {} : sampleValue(field.schema),
        bounds: statedBounds(field.schema),
      });
    }
    return fields;
  };
  const root = index.rootClass();
  const sites = [{ path: [], className: root.schema.title ?? "root", scenario: "graph_isomorphism", fields: describe(root) }];
  for (const [name, field] of index.properties(root)) {
    const cls = index.fieldClass(field);
    if (!cls || !index.properties(cls).size || name === "agents") continue;
    sites.push({ path: [name], className: cls.schema.title, scenario: "graph_isomorphism", fields: describe(cls) });
  }
  const random = describe(index.classByName(RANDOM_AGENT_CLASS));
  for (const [scenario, className] of Object.entries(SCENARIO_AGENT_CLASS)) {
    const fields = describe(index.classByName(className));
    for (const [name, alt] of random) {
      const field = fields.get(name);
      if (field?.values.length) field.values = [...new Set([...field.values, ...alt.values])];
    }
    sites.push({ path: ["agents", "prover"], className, scenario, fields });
  }
  return sites;
}

const LIMITS = loadLimits();
const SIGNS = { minimum: "≥", exclusiveMinimum: ">", maximum: "≤", exclusiveMaximum: "<" };

/** The bounds a field states, as "≥ 0", leaving out the integer range every integer gets. */
function statedBounds(schema) {
  const limit = { minimum: LIMITS.integerMinimum, maximum: LIMITS.integerMaximum };
  return Object.entries(SIGNS)
    .filter(([key]) => key in schema && schema[key] !== limit[key])
    .map(([key, sign]) => `${sign} ${schema[key]}`);
}

/** A value to put next to a field name in a document (its default, else null). */
const sampleValue = (schema) => ("default" in schema ? schema.default : "const" in schema ? schema.const : null);

/**
 * A schemaRequestService as an editor has it offline: a file:// URL is read from disk, every
 * other URL (https included) is refused. Both are recorded, so a test can say exactly which
 * files a config needed.
 */
export function offlineSchemaService() {
  const requested = [];
  const refused = [];
  const service = async (uri) => {
    requested.push(uri);
    if (!uri.startsWith("file:")) {
      refused.push(uri);
      throw new Error(`offline: refusing to fetch ${uri}`);
    }
    return readFileSync(fileURLToPath(uri), "utf8");
  };
  return { service, requested, refused };
}

export const workspaceContext = { resolveRelativePath: (relative, resource) => new URL(relative, resource).href };

/** Text of a completion item's documentation (string or MarkupContent). */
export const docText = (doc) => (typeof doc === "string" ? doc : doc?.value ?? "");

/** Text of a hover (MarkupContent, MarkedString or an array of them). */
export function hoverText(hover) {
  const parts = Array.isArray(hover?.contents) ? hover.contents : [hover?.contents];
  return parts.map((p) => (typeof p === "string" ? p : p?.value ?? "")).join("\n");
}

/** Markdown renderers escape punctuation (`run\.`); compare descriptions without that. */
export const unescapeMarkdown = (text) => text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1");

/** A value as an editor labels it in completion ("vanilla_ppo" with quotes in JSON). */
export const jsonLabel = (value) => JSON.stringify(value);

/** Fails with every problem listed (each one a {text}). */
export function settle(what, problems) {
  if (problems.length) assert.fail(`${problems.length} ${what}:\n  ${problems.map((p) => p.text).join("\n  ")}`);
}
