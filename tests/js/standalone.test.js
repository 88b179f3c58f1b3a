// The published bundle copied alone into an empty directory, the usual case (a user saves
// the one file a SchemaStore URL serves): both editors must resolve it with nothing else.
// The config's file:// URL is the base, files are read from disk and every https request is
// refused. Each editor is tried with the schema named in the config and with a settings
// association (VS Code's `json.schemas`, yaml-language-server's `yaml.schemas`).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getLanguageService as jsonService } from "vscode-json-languageservice";
import { getLanguageService as yamlService } from "yaml-language-server";
import { TextDocument } from "vscode-languageserver-textdocument";
import { BUNDLE_PATH, loadBundle } from "./lib/load.js";
import { completionSites, offlineSchemaService, workspaceContext } from "./lib/editor.js";

const dir = mkdtempSync(join(tmpdir(), "nip-bundle-alone-"));
after(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(BUNDLE_PATH, join(dir, "bundle.json"));
const bundleUrl = pathToFileURL(join(dir, "bundle.json")).href;

// What completion at the root must offer: every suggestible field of the root class.
const rootFields = [...completionSites(loadBundle())[0].fields]
  .filter(([name, field]) => field.suggestible && name !== "$schema").map(([name]) => name);
const VALID = { scenario: "graph_isomorphism", trainer: "vanilla_ppo", dataset: "d", seed: 3 };

const editors = {
  "vscode-json-languageservice": {
    ext: "json",
    start(associate) {
      const offline = offlineSchemaService();
      const ls = jsonService({ schemaRequestService: offline.service, workspaceContext });
      ls.configure({ validate: true, allowComments: false,
        schemas: associate ? [{ uri: bundleUrl, fileMatch: ["*.nip.json"] }] : [] });
      return { offline, ls };
    },
    text(entries, { named }) {
      return JSON.stringify(named ? { $schema: "./bundle.json", ...entries } : entries);
    },
    completionText: ({ named }) => (named ? `{"$schema": "./bundle.json", |}` : "{|}"),
    async complete(ls, doc, position) {
      return (await ls.doComplete(doc, position, ls.parseJSONDocument(doc))).items.map((i) => i.label);
    },
    async diagnose(ls, doc) {
      return ls.doValidation(doc, ls.parseJSONDocument(doc));
    },
  },
  "yaml-language-server": {
    ext: "yaml",
    start(associate) {
      const offline = offlineSchemaService();
      const ls = yamlService({ schemaRequestService: offline.service, workspaceContext });
      ls.configure({ validate: true, hover: true, completion: true,
        schemas: associate ? [{ uri: bundleUrl, fileMatch: ["*.nip.yaml"] }] : [] });
      return { offline, ls };
    },
    text(entries, { named }) {
      const lines = Object.entries(entries).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
      if (named) lines.unshift("# yaml-language-server: $schema=./bundle.json");
      return lines.join("\n") + "\n";
    },
    completionText: ({ named }) => (named ? "# yaml-language-server: $schema=./bundle.json\n|" : "|"),
    async complete(ls, doc, position) {
      return (await ls.doComplete(doc, position, false)).items.map((i) => i.label);
    },
    async diagnose(ls, doc) {
      return ls.doValidation(doc, false);
    },
  },
};

let n = 0;
function document(ext, textWithCursor) {
  const offset = Math.max(textWithCursor.indexOf("|"), 0);
  const uri = pathToFileURL(join(dir, `run-${n++}.nip.${ext}`)).href;
  const doc = TextDocument.create(uri, ext, 1, textWithCursor.replace("|", ""));
  return { doc, position: doc.positionAt(offset) };
}

for (const [name, editor] of Object.entries(editors)) {
  for (const how of ["named in the config", "associated in the settings"]) {
    const named = how === "named in the config";
    test(`${name}: the bundle alone in an empty directory, ${how}`, async () => {
      const { offline, ls } = editor.start(!named);

      const empty = document(editor.ext, editor.completionText({ named }));
      const offered = await editor.complete(ls, empty.doc, empty.position);
      const missing = rootFields.filter((f) => !offered.includes(f));
      assert.deepEqual(missing, [], `root fields not offered in completion (offered: ${offered.join(" ")})`);

      const valid = document(editor.ext, editor.text(VALID, { named }));
      const diagnostics = await editor.diagnose(ls, valid.doc);
      assert.deepEqual(diagnostics.map((d) => d.message), [], "a valid config got diagnostics");

      const wrong = document(editor.ext, editor.text({ ...VALID, seed: "xyz" }, { named }));
      const found = (await editor.diagnose(ls, wrong.doc)).filter((d) => /integer/i.test(d.message));
      assert.ok(found.length, "a string seed got no type diagnostic");

      assert.deepEqual(offline.refused, [], "asked for a schema over the network");
      assert.deepEqual([...new Set(offline.requested)], [bundleUrl], "asked for a file other than the bundle");
    });
  }
}
