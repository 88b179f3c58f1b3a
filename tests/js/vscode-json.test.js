// vscode-json-languageservice on JSON config documents whose "$schema" names the bundle:
// completion of every field (with its description) at the root, in every group and in an
// agent entry of each scenario; completion of enum values; hover text; diagnostics.
// As VS Code runs offline: each config sits next to the bundle and names it "./bundle.json",
// which resolves against the config's file:// URL; file:// URLs are read from disk and every
// other request (https included) is refused. The bundle must be all the config needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getLanguageService } from "vscode-json-languageservice";
import { TextDocument } from "vscode-languageserver-textdocument";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BUNDLE_URL, SCHEMA_DIR, loadBundle } from "./lib/load.js";
import {
  completionSites, offlineSchemaService, docText, hoverText, jsonLabel, settle, unescapeMarkdown, workspaceContext,
} from "./lib/editor.js";

const sites = completionSites(loadBundle());
const SCHEMA_REF = "./bundle.json";
const offline = offlineSchemaService();
const ls = getLanguageService({ schemaRequestService: offline.service, workspaceContext });
ls.configure({ validate: true, allowComments: false });

let docs = 0;
/** A document from text holding one "|" (the cursor). */
function open(textWithCursor) {
  const offset = textWithCursor.indexOf("|");
  const doc = TextDocument.create(pathToFileURL(join(SCHEMA_DIR, `config-${docs++}.json`)).href, "json", 1, textWithCursor.replace("|", ""));
  return { doc, json: ls.parseJSONDocument(doc), position: doc.positionAt(offset), offset };
}

/** A config naming the bundle, with `inner` written inside the object at site.path. */
function configAt(site, inner, { withSchemaKey = true } = {}) {
  let text = inner;
  for (const key of [...site.path].reverse()) text = `${JSON.stringify(key)}: {${text}}`;
  const head = [];
  if (withSchemaKey) head.push(`"$schema": ${JSON.stringify(SCHEMA_REF)}`);
  if (site.path.length) head.push(`"scenario": ${JSON.stringify(site.scenario)}`);
  return `{${[...head, text].join(", ")}}`;
}

const where = (site) => site.path.join(".") || "<root>";
const counts = { completionFields: 0, descriptions: 0, enumFields: 0, hovers: 0, ranges: 0 };

test("completion offers every field, with its description, at the root, in each group and in each scenario's agent entry", async () => {
  const problems = [];
  for (const site of sites) {
    const { doc, json, position } = open(configAt(site, "|"));
    const items = new Map((await ls.doComplete(doc, position, json)).items.map((i) => [i.label, i]));
    const present = site.path.length ? [] : ["$schema"];
    for (const [name, field] of site.fields) {
      if (present.includes(name) || !field.suggestible) continue;
      counts.completionFields += 1;
      const item = items.get(name);
      if (!item) { problems.push({ text: `${where(site)} (${site.className}): ${name} not offered` }); continue; }
      if (!field.description) continue;
      counts.descriptions += 1;
      const shown = unescapeMarkdown(docText(item.documentation));
      if (!shown.includes(field.description)) {
        problems.push({ text: `${where(site)}.${name}: documentation ${JSON.stringify(shown)} lacks ${JSON.stringify(field.description)}` });
      }
    }
  }
  settle("completion problems", problems);
});

test("completion on an enum value offers exactly the allowed values (no doNotSuggest alias)", async () => {
  const problems = [];
  for (const site of sites) {
    for (const [name, field] of site.fields) {
      if (!field.values.length || name === "$schema") continue;
      counts.enumFields += 1;
      const { doc, json, position } = open(configAt(site, `${JSON.stringify(name)}: |`, { withSchemaKey: true }));
      const offered = (await ls.doComplete(doc, position, json)).items.map((i) => i.label).sort();
      const expected = field.values.map(jsonLabel);
      const same = (a, b) => JSON.stringify(a) === JSON.stringify([...new Set(b)].sort());
      if (!same(offered, expected)) {
        problems.push({ text: `${where(site)}.${name}: offered ${offered.join(" ")}; allowed ${expected.join(" ")}` });
      }
    }
  }
  settle("value completion problems", problems);
});

test("hover on a field name shows its description, and its range", async () => {
  const problems = [];
  for (const site of sites) {
    for (const [name, field] of site.fields) {
      if (!field.description) continue;
      counts.hovers += 1;
      const key = `"${name.slice(0, 1)}|${name.slice(1)}"`;
      const isSchemaKey = name === "$schema" && !site.path.length;
      const value = isSchemaKey ? JSON.stringify(SCHEMA_REF) : JSON.stringify(field.sample);
      const { doc, json, position } = open(configAt(site, `${key}: ${value}`, { withSchemaKey: !isSchemaKey }));
      const shown = unescapeMarkdown(hoverText(await ls.doHover(doc, position, json)));
      if (!shown.includes(field.description)) {
        problems.push({ text: `${where(site)}.${name}: hover ${JSON.stringify(shown)} lacks ${JSON.stringify(field.description)}` });
      }
      if (field.bounds.length) counts.ranges += 1;
      const unstated = field.bounds.filter((bound) => !shown.includes(bound));
      if (unstated.length) problems.push({ text: `${where(site)}.${name}: hover ${JSON.stringify(shown)} does not state ${unstated.join(" and ")}` });
    }
  }
  settle("hover problems", problems);
});

test("hover shows each thing once: the title, the description, the value with its description", async () => {
  // vscode-json-languageservice prefixes the value itself and escapes Markdown punctuation.
  const trainer = "trainer\n\nWhich training algorithm is used\\.\n\n" +
    "`spg`: Stackelberg policy gradient family \\(see SpgVariantType\\)";
  const cases = [
    [`{"$schema": "./bundle.json", "tr|ainer": "spg"}`, trainer],
    [`{"$schema": "./bundle.json", "trainer": "s|pg"}`, trainer],
    [`{"$schema": "./bundle.json", "rl": {"l|r": 0.1}}`, "lr\n\nBase learning rate\\. Range: ≥ 0\\."],
  ];
  for (const [text, expected] of cases) {
    const { doc, json, position } = open(text);
    assert.equal(hoverText(await ls.doHover(doc, position, json)), expected, text);
  }
});

test("a valid config gets no diagnostic (the schema resolves cleanly)", async () => {
  const { doc, json } = open(`{"$schema": ${JSON.stringify(SCHEMA_REF)}, "scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "d", "seed": 3|}`);
  const diagnostics = await ls.doValidation(doc, json);
  assert.deepEqual(diagnostics.map((d) => d.message), []);
});

test("a wrong value gets a diagnostic covering that value", async () => {
  const text = `{"$schema": ${JSON.stringify(SCHEMA_REF)}, "scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "d", "seed": "x"|}`;
  const { doc, json } = open(text);
  const start = text.indexOf('"x"');
  const diagnostics = await ls.doValidation(doc, json);
  const covering = diagnostics.filter((d) => doc.offsetAt(d.range.start) === start && doc.offsetAt(d.range.end) === start + 3);
  assert.ok(covering.length, `no diagnostic on "x"; got ${JSON.stringify(diagnostics.map((d) => [d.message, d.range]))}`);
});

test("vscode-json-languageservice summary: the bundle was the only schema file requested", (t) => {
  t.diagnostic(`vscode-json-languageservice: ${counts.completionFields} fields checked in completion ` +
    `(${counts.descriptions} with descriptions), ${counts.enumFields} value completions, ${counts.hovers} hovers (${counts.ranges} with a range), ` +
    `over ${sites.length} objects`);
  t.diagnostic(`schema URIs requested: ${[...new Set(offline.requested)].join(", ")}`);
  assert.deepEqual(offline.refused, [], "asked for a schema over the network");
  assert.deepEqual([...new Set(offline.requested)], [BUNDLE_URL], "asked for a file other than the bundle");
});
