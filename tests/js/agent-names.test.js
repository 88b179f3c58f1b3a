// Agent names in the editors (issue 21, item 2): under `agents`, vscode-json-languageservice and
// yaml-language-server offer the agents the config's interaction_protocol runs (and the two that
// protocol_common.zero_knowledge adds), read from the schema's `x-agent-names`; the agents of
// other protocols are not offered. Each config names the bundle by a relative reference that
// resolves against the config's file:// URL, as editors do, and nothing is fetched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getLanguageService as jsonService } from "vscode-json-languageservice";
import { getLanguageService as yamlService } from "yaml-language-server";
import { TextDocument } from "vscode-languageserver-textdocument";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SCHEMA_DIR, loadBundle } from "./lib/load.js";
import { offlineSchemaService, workspaceContext } from "./lib/editor.js";

const stated = loadBundle().$defs.HyperParameters.properties.agents["x-agent-names"];
const zeroKnowledge = stated.when_true["protocol_common.zero_knowledge"];
const everyName = new Set([...Object.values(stated.protocols).flat(), ...zeroKnowledge]);

const offline = offlineSchemaService();
const json = jsonService({ schemaRequestService: offline.service, workspaceContext });
json.configure({ validate: true, allowComments: false });
const yaml = yamlService({ schemaRequestService: offline.service, workspaceContext });
yaml.configure({ validate: true, hover: true, completion: true, schemas: [] });

let docs = 0;
const open = (ext, text) => {
  const offset = text.indexOf("|");
  const doc = TextDocument.create(pathToFileURL(join(SCHEMA_DIR, `agents-${docs++}.${ext}`)).href, ext, 1, text.replace("|", ""));
  return { doc, position: doc.positionAt(offset) };
};

async function offeredJson(protocol, zeroKnowledge) {
  const head = [`"$schema": "./bundle.json"`, `"scenario": "graph_isomorphism"`];
  if (protocol !== undefined) head.push(`"interaction_protocol": ${JSON.stringify(protocol)}`);
  if (zeroKnowledge) head.push(`"protocol_common": {"zero_knowledge": true}`);
  const { doc, position } = open("json", `{${head.join(", ")}, "agents": {|}}`);
  const items = (await json.doComplete(doc, position, json.parseJSONDocument(doc))).items;
  return items.map((i) => i.label.replace(/^"|"$/g, "")).filter((l) => everyName.has(l)).sort();
}

async function offeredYaml(protocol, zeroKnowledge) {
  const lines = ["# yaml-language-server: $schema=./bundle.json", "scenario: graph_isomorphism"];
  if (protocol !== undefined) lines.push(`interaction_protocol: ${protocol}`);
  if (zeroKnowledge) lines.push("protocol_common:", "  zero_knowledge: true");
  lines.push("agents:", "  |");
  const { doc, position } = open("yaml", lines.join("\n") + "\n");
  const items = (await yaml.doComplete(doc, position, false)).items;
  return items.map((i) => i.label).filter((l) => everyName.has(l)).sort();
}

const cases = [
  ...Object.entries(stated.protocols).map(([protocol, names]) => [protocol, false, names]),
  [undefined, false, stated.protocols.nip], // no interaction_protocol: nip's default, `nip`
  ["debate", true, [...stated.protocols.debate, ...zeroKnowledge]],
];

for (const [name, offered] of [["vscode-json-languageservice", offeredJson], ["yaml-language-server", offeredYaml]]) {
  test(`${name} offers exactly the agents each protocol runs`, async () => {
    const problems = [];
    for (const [protocol, zeroKnowledge, names] of cases) {
      const seen = await offered(protocol, zeroKnowledge);
      const expected = [...names].sort();
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        problems.push(`${protocol ?? "(default)"}${zeroKnowledge ? " + zero_knowledge" : ""}: offered ${seen}, runs ${expected}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

test("the names are nip's (spot check of the schema's table)", () => {
  assert.deepEqual(stated.protocols.debate, ["prover0", "prover1", "verifier"]);
  assert.deepEqual(stated.protocols.nip, ["prover", "verifier"]);
  assert.deepEqual(zeroKnowledge, ["adversarial_verifier", "simulator"]);
});
