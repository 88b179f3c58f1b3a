// ajv (draft 2020-12 build) + ajv-formats, strict mode, allErrors: the published bundle
// compiles with exactly the vendor keywords of schema/vocabulary.json registered, accepts
// every valid case, and rejects every invalid case with its deepest error at the case's pointer.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, loadBundle, loadCases, loadVocabulary } from "./lib/load.js";
import { unlistedKeywords, walkSchemas, STANDARD_KEYWORDS } from "./lib/schema.js";
import { deepest, Tally } from "./lib/verdicts.js";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const bundle = loadBundle();
const vocabulary = loadVocabulary();
const cases = loadCases();
const tally = new Tally("ajv");

const escape = (s) => String(s).replaceAll("~", "~0").replaceAll("/", "~1");

/** The instance location an ajv error is about: for a missing or unknown key, the key itself. */
function errorPointer(error) {
  const { keyword, instancePath, params } = error;
  if (keyword === "additionalProperties") return `${instancePath}/${escape(params.additionalProperty)}`;
  if (keyword === "unevaluatedProperties") return `${instancePath}/${escape(params.unevaluatedProperty)}`;
  if (keyword === "required") return `${instancePath}/${escape(params.missingProperty)}`;
  return instancePath;
}

let compiled;
function validator() {
  if (!compiled) {
    try {
      // allowUnionTypes: the schema writes nullable fields as "type": ["integer", "null"].
      const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
      ajv.addVocabulary([...vocabulary.keys()]);
      addFormats(ajv);
      compiled = { validate: ajv.compile(bundle) };
    } catch (error) {
      compiled = { error };
    }
  }
  if (compiled.error) throw compiled.error;
  return compiled.validate;
}

test("the bundle uses no keyword missing from schema/vocabulary.json", () => {
  const unlisted = [...unlistedKeywords(bundle, vocabulary)].map(([k, at]) => `${k} (first at ${at})`);
  assert.deepEqual(unlisted, [], `keywords neither in draft 2020-12 nor in schema/vocabulary.json: ${unlisted.join(", ")}`);
});

test("no embedded resource is a bare $ref at its root (ajv 8 recurses forever on that)", () => {
  // ajv resolves "<resource>#/$defs/X" by first resolving <resource>; when the resource's
  // root holds nothing but a $ref, ajv follows that $ref, which needs <resource> again.
  const inert = new Set(["$ref", "$id", "$schema", "$defs", "$comment", "title", "description",
    "examples", "default", "deprecated", ...vocabulary.keys()]);
  const bare = [];
  walkSchemas(bundle, (schema, pointer) => {
    if (pointer && schema.$id && schema.$ref && Object.keys(schema).every((k) => inert.has(k) || !STANDARD_KEYWORDS.has(k))) {
      bare.push(`${schema.$id} (at ${pointer})`);
    }
  });
  assert.deepEqual(bare, [], `drop the root $ref of these embedded resources, or give it a sibling rule such as "type": "object": ${bare.join(", ")}`);
});

test("ajv compiles the bundle in strict mode with the vocabulary registered", () => {
  validator();
});

describe("ajv accepts every valid case", () => {
  for (const c of cases.valid) {
    test(c.id, () => {
      const validate = validator();
      const ok = validate(c.input);
      const errors = (validate.errors ?? []).map((e) => `${errorPointer(e)} ${e.message}`);
      tally.record("valid", c.id, ok, errors.slice(0, 3).join("; "));
      assert.ok(ok, `rejected (${c.why}):\n  ${errors.join("\n  ")}`);
    });
  }
});

describe("ajv rejects every invalid case at its pointer", () => {
  for (const c of cases.invalid) {
    test(c.id, () => {
      const validate = validator();
      const ok = validate(c.input);
      const pointers = (validate.errors ?? []).map(errorPointer);
      const top = ok ? [] : deepest(pointers);
      const agreed = !ok && pointers.includes(c.pointer) && top.length === 1 && top[0] === c.pointer;
      tally.record("invalid", c.id, agreed, ok ? "accepted" : `deepest ${top.join(", ")}, expected ${c.pointer}`);
      assert.equal(ok, false, `accepted, but ${c.why}`);
      const listing = (validate.errors ?? []).map((e) => `${errorPointer(e)}: ${e.keyword} ${e.message}`).join("\n  ");
      assert.ok(pointers.includes(c.pointer), `no error at ${c.pointer} (${c.why}):\n  ${listing}`);
      assert.deepEqual(top, [c.pointer], `deepest errors are not at ${c.pointer}:\n  ${listing}`);
    });
  }
});

test("ajv summary", (t) => {
  const line = tally.summary(`; invalid cases with the deepest error at the case pointer: ${tally.agreed.invalid}/${tally.checked.invalid}`);
  t.diagnostic(line);
  for (const d of tally.disagreements) t.diagnostic(`disagreement: ${d}`);
});

test("a 0.1 config gets one error, at _package_version, whose schema says to migrate it", () => {
  const old = JSON.parse(readFileSync(join(REPO, "examples/old/pvg_v0.1_code_validation.json"), "utf8"));
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary([...vocabulary.keys()]);
  addFormats(ajv);
  const validate = ajv.compile(bundle);
  assert.equal(validate(old), false);
  const errors = validate.errors.filter((e) => e.keyword !== "if");  // "must match then", the same error
  assert.deepEqual(errors.map((e) => [e.instancePath, e.keyword]), [["/_package_version", "not"]]);
  assert.match(errors[0].parentSchema.description, /does not accept.*migrate it with `nip-params migrate FILE`/);
  for (const stated of ["1.0", "1.0.0", "1.0.12", "1"]) {
    assert.equal(validate({ ...validCase(), _package_version: stated }), true, stated);
  }
});

function validCase() {
  return structuredClone(cases.valid[0].input);
}
