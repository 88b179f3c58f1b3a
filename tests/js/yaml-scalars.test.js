// yaml-language-server reads the shared table of tricky YAML (tests/files/yaml_scalars.json) the way
// nip-params does. tests/files/test_files_yaml_scalars.py checks every nip-params command against the
// same table, so passing both means the editor and the package agree, row by row.
//
// Scalars go through yaml-language-server's own parser (the function its language service calls,
// with its defaults: YAML 1.2, core schema), and the value is read off its syntax tree, as its
// validator reads it. Whole documents go through the `yaml` package that yaml-language-server
// itself depends on (with merge keys applied, which its validator also applies).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parse } from "yaml-language-server/out/src/languageservice/parser/yamlParser07.js";
import { REPO } from "./lib/load.js";

const TABLE = JSON.parse(readFileSync(join(REPO, "tests/files/yaml_scalars.json"), "utf8"));
// The very `yaml` module yaml-language-server loads, not a copy of our own choosing.
const YAML = createRequire(import.meta.resolve("yaml-language-server"))("yaml");
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/** What yaml-language-server's validator sees as the value of `v`, and the parse's warnings. */
function editorValue(yamlText) {
  const document = parse(`v: ${yamlText}\n`).documents[0];
  const property = document.root.properties.find((p) => p.keyNode.value === "v");
  const node = property.valueNode;
  const value = node.type === "null" ? null : node.value;
  const codes = [...document.internalDocument.errors, ...document.internalDocument.warnings].map((e) => e.code);
  return { value, type: node.type, tag: node.internalNode?.tag, codes };
}

const shown = (value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : JSON.stringify(value));

test("every scalar of the table reads as the table says (YAML 1.2 core)", (t) => {
  const problems = [];
  for (const row of TABLE.scalars.filter((r) => "value" in r)) {
    const seen = editorValue(row.yaml);
    const expected = row.value; // JSON.parse gives big integers the same double the editor holds
    const kindOk = expected === null ? seen.type === "null" : typeof seen.value === typeof expected;
    if (!kindOk || seen.value !== expected || seen.codes.length) {
      problems.push(`v: ${row.yaml.slice(0, 40)} -> ${seen.type} ${shown(seen.value)} ${seen.codes.join(",")}; table: ${shown(expected)}`);
    }
  }
  t.diagnostic(`${TABLE.scalars.length} scalars; ${TABLE.scalars.filter((r) => r.note).length} of them read differently by YAML 1.1`);
  assert.deepEqual(problems, []);
});

test("the scalars nip-params refuses are not plain config values for the editor either", (t) => {
  const problems = [];
  const holds = {
    // NaN and infinities: numbers JSON cannot hold
    "non-finite": (seen) => typeof seen.value === "number" && !Number.isFinite(seen.value),
    // beyond 64 bits: a number the editor can only round (a double is exact to 2**53 only)
    range: (seen) => typeof seen.value === "number" && !Number.isSafeInteger(seen.value),
    // a tag outside the core schema, or one the value does not fit (the editor warns)
    tag: (seen) => (seen.tag && !CORE_TAGS.has(seen.tag)) || seen.codes.includes("TAG_RESOLVE_FAILED"),
  };
  for (const row of TABLE.scalars.filter((r) => "refused" in r)) {
    const seen = editorValue(row.yaml);
    if (!holds[row.refused](seen)) problems.push(`v: ${row.yaml.slice(0, 40)}: ${row.refused} does not hold (${seen.type} ${shown(seen.value)})`);
  }
  t.diagnostic(`${TABLE.scalars.filter((r) => "refused" in r).length} refused scalars checked`);
  assert.deepEqual(problems, []);
});

test("every document of the table reads as the table says, merge keys and key order included", () => {
  for (const row of TABLE.documents.filter((r) => "value" in r)) {
    const document = YAML.parseDocument(row.yaml, { merge: true });
    assert.deepEqual([...document.errors, ...document.warnings].map((e) => e.code), [], row.name);
    // JSON text compares key order too
    assert.equal(JSON.stringify(document.toJS()), JSON.stringify(row.value), row.name);
    // ... and yaml-language-server's own parse of it has no error
    assert.deepEqual(parse(row.yaml).documents.flatMap((d) => d.errors.map((e) => e.message)), [], row.name);
  }
});

test("the documents nip-params refuses are refused or read otherwise by the editor", () => {
  const holds = {
    duplicate: (text) => parse(text).documents[0].errors.length > 0,
    documents: (text) => parse(text).documents.length > 1,
    "yaml-1.1": (text) => parse(text).documents[0].internalDocument.directives.yaml.version === "1.1",
    merge: (text) => {
      try { YAML.parseDocument(text, { merge: true }).toJS(); return false; } catch { return true; }
    },
    // a key that is not a string: the editor keeps it as a number or null
    key: (text) => parse(text).documents[0].root.properties[0].keyNode.type !== "string",
  };
  for (const row of TABLE.documents.filter((r) => "refused" in r)) {
    assert.ok(holds[row.refused](row.yaml), `${row.name}: ${row.refused} does not hold for the editor`);
  }
});
