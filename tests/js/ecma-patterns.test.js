// A `pattern` means the same in every engine (issue 17, item 15). tests/validation/ecma_patterns.json
// holds ECMA-262 patterns, edge strings (final newlines, \r, U+2028, non-ASCII digits and spaces...)
// and whether each string matches. Here JavaScript's own RegExp and ajv (as the bundle's users run
// it) must agree with that table; tests/validation/test_ecma_patterns.py holds python-jsonschema
// (the fallback) and jsonschema-rs to the same table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO } from "./lib/load.js";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020");
const TABLE = JSON.parse(readFileSync(join(REPO, "tests/validation/ecma_patterns.json"), "utf8"));

function disagreements(matches) {
  const out = [];
  for (const row of TABLE.rows) {
    TABLE.strings.forEach((text, i) => {
      if (matches(row.pattern, text) !== row.matches[i]) out.push(`${JSON.stringify(row.pattern)} on ${JSON.stringify(text)}: table ${row.matches[i]}`);
    });
  }
  return out;
}

test("JavaScript's RegExp (with the u flag) gives the table", () => {
  assert.deepEqual(disagreements((pattern, text) => new RegExp(pattern, "u").test(text)), []);
});

test("ajv gives the table", (t) => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  const compiled = new Map(TABLE.rows.map((row) => [row.pattern, ajv.compile({ type: "string", pattern: row.pattern })]));
  assert.deepEqual(disagreements((pattern, text) => compiled.get(pattern)(text)), []);
  t.diagnostic(`${TABLE.rows.length} patterns x ${TABLE.strings.length} strings`);
});
