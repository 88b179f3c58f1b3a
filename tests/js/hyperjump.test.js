// @hyperjump/json-schema (draft 2020-12) gives the same verdict as the corpus on every case.
// The bundle is registered in memory; any attempt to fetch a schema fails the test. The
// 2020-12 dialect is reloaded without its "allow unknown keywords" switch, with the
// vocabulary of schema/vocabulary.json added, so an unlisted keyword fails here too
// (hyperjump always lets `x-...` keywords through, so that part rests on the ajv test).
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { registerSchema, validate } from "@hyperjump/json-schema/draft-2020-12";
import { BASIC, addKeyword, defineVocabulary, loadDialect } from "@hyperjump/json-schema/experimental";
import { loadBundle, loadCases, loadVocabulary } from "./lib/load.js";
import { deepest, Tally } from "./lib/verdicts.js";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const STANDARD_VOCABULARIES = ["core", "applicator", "validation", "meta-data", "format-annotation", "content", "unevaluated"]
  .map((name) => `https://json-schema.org/draft/2020-12/vocab/${name}`);

const fetched = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (uri) => {
  fetched.push(String(uri));
  throw new Error(`hyperjump tried to fetch ${uri}; every schema must come from the registered bundle`);
};
after(() => { globalThis.fetch = realFetch; });

/** The 2020-12 dialect plus one annotation-only vocabulary per group of schema/vocabulary.json. */
function loadStrictDialect(vocabulary) {
  const vocabularies = Object.fromEntries(STANDARD_VOCABULARIES.map((id) => [id, true]));
  const groups = new Map();
  for (const [keyword, group] of vocabulary) {
    if (!groups.has(group)) groups.set(group, {});
    groups.get(group)[keyword] = `https://nip-parameters.org/keyword/${group}/${keyword}`;
  }
  for (const [group, keywords] of groups) {
    for (const id of Object.values(keywords)) addKeyword({ id, compile: async () => undefined, interpret: () => true });
    const vocabularyId = `https://nip-parameters.org/vocab/${group}`;
    defineVocabulary(vocabularyId, keywords);
    vocabularies[vocabularyId] = true;
  }
  loadDialect(DIALECT, vocabularies, false);
}

/** hyperjump's instanceLocation ("#/a/b") as a JSON pointer. */
const toPointer = (location) => decodeURIComponent(location.replace(/^#/, ""));

const bundle = loadBundle();
const cases = loadCases();
const tally = new Tally("@hyperjump/json-schema");
let pointerAgreed = 0;
const pointerMisses = [];

loadStrictDialect(loadVocabulary());
registerSchema(structuredClone(bundle));
const compiled = validate(bundle.$id).then((v) => ({ validate: v }), (error) => ({ error }));

async function validator() {
  const { validate: v, error } = await compiled;
  if (error) throw error;
  return v;
}

test("hyperjump compiles the registered bundle without fetching anything", async () => {
  await validator();
  assert.deepEqual(fetched, []);
});

describe("hyperjump accepts every valid case", () => {
  for (const c of cases.valid) {
    test(c.id, async () => {
      const output = (await validator())(c.input, BASIC);
      const where = (output.errors ?? []).map((e) => `${toPointer(e.instanceLocation)} ${e.keyword}`);
      tally.record("valid", c.id, output.valid, where.slice(0, 3).join("; "));
      assert.ok(output.valid, `rejected (${c.why}):\n  ${where.join("\n  ")}`);
    });
  }
});

describe("hyperjump rejects every invalid case", () => {
  for (const c of cases.invalid) {
    test(c.id, async () => {
      const output = (await validator())(c.input, BASIC);
      tally.record("invalid", c.id, !output.valid, "accepted");
      // Informational: hyperjump reports unknown and missing keys at the object, so the
      // deepest location is compared with the pointer or with its parent.
      const top = output.valid ? [] : deepest(output.errors.map((e) => toPointer(e.instanceLocation)));
      const parent = c.pointer.slice(0, c.pointer.lastIndexOf("/"));
      if (top.length === 1 && (top[0] === c.pointer || top[0] === parent)) pointerAgreed += 1;
      else if (!output.valid) pointerMisses.push(`${c.id}: deepest ${top.join(", ")}, case pointer ${c.pointer}`);
      assert.equal(output.valid, false, `accepted, but ${c.why}`);
    });
  }
});

test("hyperjump summary", (t) => {
  assert.deepEqual(fetched, [], "no schema may be fetched");
  t.diagnostic(tally.summary(`; deepest error at the pointer (or its parent object): ${pointerAgreed}/${tally.checked.invalid}`));
  for (const d of tally.disagreements) t.diagnostic(`disagreement: ${d}`);
  for (const m of pointerMisses) t.diagnostic(`location differs (informational): ${m}`);
});
