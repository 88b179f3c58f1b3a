// The schemas of this project's own file formats, in the editors as they run: a migration step
// (schema/<v>/migration.json, JSON, naming its schema with "$schema") in vscode-json-languageservice,
// and a sweep spec (YAML, with the yaml-language-server modeline) in yaml-language-server. Each
// document sits where such a file sits in a checkout and names the shipped schema by a relative
// path, resolved against the document's file:// URL; every other request is refused.
// What is expected is read from the schemas themselves (the op table, the W&B methods).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getLanguageService as jsonService } from "vscode-json-languageservice";
import { getLanguageService as yamlService } from "yaml-language-server";
import { TextDocument } from "vscode-languageserver-textdocument";
import { REPO } from "./lib/load.js";
import { offlineSchemaService, workspaceContext } from "./lib/editor.js";

const SHIPPED = join(REPO, "src/nip/parameters/_schemas");
const stepSchema = JSON.parse(readFileSync(join(SHIPPED, "migration.schema.json"), "utf8"));
const specSchema = JSON.parse(readFileSync(join(SHIPPED, "sweep-spec.schema.json"), "utf8"));
const OPS = stepSchema.$defs.operation.properties.op.enum;
const METHODS = specSchema.$defs.wandb.properties.method.enum;

const offline = offlineSchemaService();
const json = jsonService({ schemaRequestService: offline.service, workspaceContext });
json.configure({ validate: true, allowComments: false });
const yaml = yamlService({ schemaRequestService: offline.service, workspaceContext });
yaml.configure({ validate: true, hover: true, completion: true, schemas: [] });

let opened = 0;
/** A document at `path` (a fresh version each time: the services cache a document by URI and version). */
function open(path, language, textWithCursor) {
  const offset = textWithCursor.indexOf("|");
  const doc = TextDocument.create(pathToFileURL(join(REPO, path)).href, language, ++opened, textWithCursor.replace("|", ""));
  return { doc, position: doc.positionAt(offset) };
}

const STEP_REF = "../../src/nip/parameters/_schemas/migration.schema.json";
const step = (ops) => `{"$schema": "${STEP_REF}", "from": "1.0", "to": "1.1", "package": {"name": "nip", "version": "1.1.0"}, "description": "d", "operations": [${ops}]}`;
const SPEC_MODELINE = "# yaml-language-server: $schema=../../src/nip/parameters/_schemas/sweep-spec.schema.json\n";

test("a migration step: completing an op name offers exactly the ops of the table", async () => {
  const { doc, position } = open("schema/9.9/migration.json", "json", step(`{"op": |}`));
  const offered = (await json.doComplete(doc, position, json.parseJSONDocument(doc))).items.map((i) => i.label);
  assert.deepEqual([...new Set(offered)].sort(), OPS.map((op) => JSON.stringify(op)).sort());
});

test("a migration step: an op's parameters are offered, with their descriptions", async () => {
  const { doc, position } = open("schema/9.9/migration.json", "json", step(`{"op": "rename_key", |}`));
  const items = (await json.doComplete(doc, position, json.parseJSONDocument(doc))).items;
  const labels = items.map((i) => i.label);
  for (const key of ["at", "to", "why"]) assert.ok(labels.includes(key), `${key} not offered: ${labels}`);
});

test("a migration step: an unknown op and a missing parameter get diagnostics", async () => {
  const text = step(`{"op": "explode", "at": "a"}, {"op": "rename_key", "at": "a"}`);
  const { doc } = open("schema/9.9/migration.json", "json", text);
  const diagnostics = await json.doValidation(doc, json.parseJSONDocument(doc));
  const at = (needle) => diagnostics.some((d) => doc.offsetAt(d.range.start) <= text.indexOf(needle)
    && text.indexOf(needle) < doc.offsetAt(d.range.end));
  assert.ok(at(`"explode"`), JSON.stringify(diagnostics.map((d) => d.message)));
  assert.ok(diagnostics.some((d) => /to/.test(d.message)), JSON.stringify(diagnostics.map((d) => d.message)));
});

test("the shipped step files get no diagnostic", async () => {
  for (const version of ["0.1", "1.0"]) {
    const text = readFileSync(join(REPO, "schema", version, "migration.json"), "utf8")
      .replace("{", `{"$schema": "${STEP_REF}",`);
    const { doc } = open(`schema/${version}/migration.json`, "json", text);
    assert.deepEqual((await json.doValidation(doc, json.parseJSONDocument(doc))).map((d) => d.message), [], version);
  }
});

test("a sweep spec: the top-level keys and the W&B methods are offered", async () => {
  const top = open("examples/sweeps/x.yaml", "yaml", `${SPEC_MODELINE}|\n`);
  const keys = (await yaml.doComplete(top.doc, top.position, false)).items.map((i) => i.label);
  for (const key of Object.keys(specSchema.properties).filter((k) => k !== "$schema")) {
    assert.ok(keys.includes(key), `${key} not offered: ${keys}`);
  }
  const method = open("examples/sweeps/x.yaml", "yaml", `${SPEC_MODELINE}wandb:\n  method: |\n`);
  const values = (await yaml.doComplete(method.doc, method.position, false)).items.map((i) => i.label);
  assert.deepEqual([...new Set(values)].sort(), [...METHODS].sort());
});

test("a sweep spec: a bad W&B method gets a diagnostic on the value; the shipped example none", async () => {
  const text = `${SPEC_MODELINE}base: base.yaml\ngrid:\n  seed: [1, 2]\nwandb:\n  method: bogus\n`;
  const { doc } = open("examples/sweeps/x.yaml", "yaml", text);
  const start = text.indexOf("bogus");
  const diagnostics = await yaml.doValidation(doc, false);
  assert.ok(diagnostics.some((d) => doc.offsetAt(d.range.start) === start), JSON.stringify(diagnostics.map((d) => d.message)));
  const example = SPEC_MODELINE + readFileSync(join(REPO, "examples/sweeps/ppo_gi.yaml"), "utf8");
  const shipped = open("examples/sweeps/ppo_gi.yaml", "yaml", example);
  assert.deepEqual((await yaml.doValidation(shipped.doc, false)).map((d) => d.message), []);
});

test("format schemas: only the shipped schema files were requested, all by file:// URL", () => {
  assert.deepEqual(offline.refused, []);
  const files = new Set(offline.requested.map((u) => u.split("/").pop()));
  assert.deepEqual([...files].sort(), ["migration.schema.json", "sweep-spec.schema.json"]);
});
