// yaml-language-server (its language service API) on YAML configs that name the bundle
// with the modeline `# yaml-language-server: $schema=./bundle.json`: the same completion,
// value completion and hover checks as for JSON, plus diagnostics.
// As an editor runs offline: each config sits next to the bundle and names it "./bundle.json";
// file:// URLs are read from disk and every other request (https included) is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getLanguageService } from "yaml-language-server";
import { TextDocument } from "vscode-languageserver-textdocument";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BUNDLE_URL, SCHEMA_DIR, loadBundle } from "./lib/load.js";
import {
  completionSites, offlineSchemaService, docText, hoverText, settle, unescapeMarkdown, workspaceContext,
} from "./lib/editor.js";

const MODELINE = "# yaml-language-server: $schema=./bundle.json\n";
const sites = completionSites(loadBundle());
const offline = offlineSchemaService();
const ls = getLanguageService({ schemaRequestService: offline.service, workspaceContext });
ls.configure({ validate: true, hover: true, completion: true, schemas: [] });

let docs = 0;
function open(textWithCursor) {
  const offset = textWithCursor.indexOf("|");
  const doc = TextDocument.create(pathToFileURL(join(SCHEMA_DIR, `config-${docs++}.yaml`)).href, "yaml", 1, textWithCursor.replace("|", ""));
  return { doc, position: doc.positionAt(offset) };
}

/** A YAML config with the modeline and `line` written inside the mapping at site.path. */
function configAt(site, line) {
  const lines = [];
  if (site.path.length) lines.push(`scenario: ${site.scenario}`);
  site.path.forEach((key, depth) => lines.push(`${"  ".repeat(depth)}${key}:`));
  lines.push(`${"  ".repeat(site.path.length)}${line}`);
  return MODELINE + lines.join("\n") + "\n";
}

const yamlLabel = (value) => (typeof value === "string" ? value : JSON.stringify(value));
const where = (site) => site.path.join(".") || "<root>";
const counts = { completionFields: 0, descriptions: 0, enumFields: 0, hovers: 0, ranges: 0 };

test("completion offers every field, with its description, at the root, in each group and in each scenario's agent entry", async () => {
  const problems = [];
  for (const site of sites) {
    const { doc, position } = open(configAt(site, "|"));
    const items = new Map((await ls.doComplete(doc, position, false)).items.map((i) => [i.label, i]));
    for (const [name, field] of site.fields) {
      if (!field.suggestible || (site.path.length && name === "scenario")) continue;
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
  const same = (a, b) => JSON.stringify(a) === JSON.stringify([...new Set(b)].sort());
  for (const site of sites) {
    for (const [name, field] of site.fields) {
      if (!field.values.length || name === "$schema") continue;
      counts.enumFields += 1;
      const { doc, position } = open(configAt(site, `${name}: |`));
      // yaml-language-server labels the item that inserts the default "Default value".
      const offered = [...new Set((await ls.doComplete(doc, position, false)).items
        .map((i) => (i.label === "Default value" ? i.insertText : i.label)))].sort();
      const expected = field.values.map(yamlLabel);
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
      if (!field.description || (site.path.length && name === "scenario")) continue;
      counts.hovers += 1;
      const { doc, position } = open(configAt(site, `${name.slice(0, 1)}|${name.slice(1)}: ${JSON.stringify(field.sample)}`));
      const shown = unescapeMarkdown(hoverText(await ls.doHover(doc, position)));
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

test("hover shows each thing once: the title, the description, each value with its description", async () => {
  // yaml-language-server prefixes each allowed value itself, and joins the titles of an anyOf
  // whose branches it cannot tell apart: the published text must give it each thing once.
  const source = "\n\nSource: [bundle.json](" + BUNDLE_URL + ")";
  const trainer = "#### trainer\n\nWhich training algorithm is used.\n\nAllowed Values:\n\n" +
    "* `spg`: Stackelberg policy gradient family (see SpgVariantType)\n" +
    "* `vanilla_ppo`: PPO with agents learning independently\n" +
    "* `solo_agent`: supervised training of one agent alone\n" +
    "* `reinforce`: REINFORCE policy gradient\n" +
    "* `pure_text_ei`: expert iteration for API-run text agents\n" +
    "* `pure_text_malt`: MALT tree-sampling training for API-run text agents" + source;
  for (const text of ["tr|ainer: spg", "trainer: s|pg"]) {
    const { doc, position } = open(`${MODELINE}scenario: graph_isomorphism\n${text}\n`);
    assert.equal(hoverText(await ls.doHover(doc, position)), trainer, text);
  }
  const { doc, position } = open(`${MODELINE}scenario: graph_isomorphism\nrl:\n  l|r: 0.1\n`);
  assert.equal(hoverText(await ls.doHover(doc, position)), "#### lr\n\nBase learning rate. Range: ≥ 0." + source);
});

test("a valid config gets no diagnostic (the schema resolves cleanly)", async () => {
  const { doc } = open(`${MODELINE}scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\nseed: 3|\n`);
  const diagnostics = await ls.doValidation(doc, false);
  assert.deepEqual(diagnostics.map((d) => d.message), []);
});

test("a wrong value gets a diagnostic covering that value", async () => {
  const text = `${MODELINE}scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: d\nseed: xyz|\n`;
  const { doc } = open(text);
  const start = text.indexOf("xyz");
  const diagnostics = await ls.doValidation(doc, false);
  const covering = diagnostics.filter((d) => doc.offsetAt(d.range.start) === start && doc.offsetAt(d.range.end) === start + 3);
  assert.ok(covering.length, `no diagnostic on xyz; got ${JSON.stringify(diagnostics.map((d) => [d.message, d.range]))}`);
});

test("yaml-language-server summary: the bundle was the only schema file requested", (t) => {
  t.diagnostic(`yaml-language-server: ${counts.completionFields} fields checked in completion ` +
    `(${counts.descriptions} with descriptions), ${counts.enumFields} value completions, ${counts.hovers} hovers (${counts.ranges} with a range), ` +
    `over ${sites.length} objects`);
  t.diagnostic(`schema URIs requested: ${[...new Set(offline.requested)].join(", ")}`);
  assert.deepEqual(offline.refused, [], "asked for a schema over the network");
  assert.deepEqual([...new Set(offline.requested)], [BUNDLE_URL], "asked for a file other than the bundle");
});
