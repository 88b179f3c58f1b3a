// tsc --strict on configs typed with the generated bundle.d.ts: a valid config compiles (and the
// agents read back narrowed by its scenario), and each invalid one fails with its own error.
// All cases are checked by one tsc run (one process: tsc starts slowly); errors are told apart by file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./lib/load.js";

const TSC = join(REPO, "tests/js/node_modules/typescript/bin/tsc");
const SCHEMAS = join(REPO, "src/nip/parameters/_schemas");
const DECLARATIONS = join(SCHEMAS, "1.0/bundle.d.ts");
// The other shipped versions: their declarations must compile too.
const OLDER = readdirSync(SCHEMAS).filter((v) => v !== "1.0" && existsSync(join(SCHEMAS, v, "bundle.d.ts")));
const HEAD = 'import type { NipConfig } from "./bundle";\n';
const BASE = 'scenario: "graph_isomorphism", trainer: "vanilla_ppo", dataset: "eru10000"';

const VALID = `${HEAD}
const config: NipConfig = {
  ${BASE}, seed: 3, interaction_protocol: "debate",
  rl: { num_iterations: 10 },
  agents: { prover: { d_gnn: 16 }, verifier: { is_random: true }, agents_update_repr: "Standard" },
};
// Narrowed by scenario: a graph_isomorphism agent has d_gnn, a number.
export let width: number | undefined;
if (config.scenario === "graph_isomorphism") {
  const prover = config.agents?.["prover"];
  if (prover !== undefined && typeof prover !== "string" && !("is_random" in prover && prover.is_random)) {
    width = "d_gnn" in prover ? prover.d_gnn : undefined;
  }
}
export const lr: number | undefined = config.rl?.lr;
// The deprecated alias the schema still accepts.
export const old: NipConfig = { scenario: "image_classification", trainer: "ppo", dataset: "cifar10" };
`;

// Each: [file, body, TS error code, text the message contains].
const INVALID = [
  ["misspelt_field", `const c: NipConfig = { ${BASE}, sead: 3 };`, "TS2353", "'sead' does not exist"],
  ["wrong_value_type", `const c: NipConfig = { ${BASE}, seed: "abc" };`, "TS2322", "Type 'string' is not assignable to type 'number'"],
  ["wrong_enum_literal", `const c: NipConfig = { ${BASE}, interaction_protocol: "debat" };`, "TS2820", "Did you mean '\"debate\"'?"],
  ["wrong_trainer", `const c: NipConfig = { scenario: "code_validation", trainer: "pure_text", dataset: "d" };`, "TS2820", "Type '\"pure_text\"' is not assignable to type 'TrainerType | \"ppo\"'"],
  ["misspelt_group_field", `const c: NipConfig = { ${BASE}, rl: { num_iteration: 3 } };`, "TS2561", "Did you mean to write 'num_iterations'?"],
  ["agent_of_another_scenario", `const c: NipConfig = { ${BASE}, agents: { prover: { kernel_size: 3 } } };`, "TS2322", "'kernel_size' does not exist in type 'GraphIsomorphismAgentParameters | RandomAgentParameters'"],
  ["missing_required", `const c: NipConfig = { scenario: "code_validation", trainer: "pure_text_ei" };`, "TS2322", "Property 'dataset' is missing"],
];

function runTsc() {
  const dir = mkdtempSync(join(tmpdir(), "nip-tsc-"));
  try {
    copyFileSync(DECLARATIONS, join(dir, "bundle.d.ts"));
    for (const version of OLDER) copyFileSync(join(SCHEMAS, version, "bundle.d.ts"), join(dir, `bundle-${version}.d.ts`));
    writeFileSync(join(dir, "valid.ts"), VALID);
    for (const [name, body] of INVALID) writeFileSync(join(dir, `${name}.ts`), `${HEAD}export ${body}\n`);
    const files = ["valid.ts", ...OLDER.map((v) => `bundle-${v}.d.ts`), ...INVALID.map(([name]) => `${name}.ts`)];
    const args = [TSC, "--strict", "--noEmit", "--pretty", "false", "--target", "es2022",
                  "--lib", "es2022",
                  "--module", "nodenext", "--skipLibCheck", "false", ...files];
    try {
      execFileSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
      return "";
    } catch (error) {
      return error.stdout;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const output = runTsc();
// One entry per error: its first line and the indented lines that explain it.
const errors = output.split(/\n(?=\S)/).filter(Boolean);
const errorsOf = (file) => errors.filter((error) => error.startsWith(`${file}(`));

test("the declarations themselves and a valid config compile under --strict", () => {
  assert.ok(OLDER.length > 0, "no older version's declarations found");
  const invalid = INVALID.map(([name]) => `${name}.ts(`);
  const elsewhere = errors.filter((error) => !invalid.some((prefix) => error.startsWith(prefix)));
  assert.deepEqual(elsewhere, [], output);
  assert.deepEqual(errorsOf("bundle.d.ts"), []);
  assert.deepEqual(errorsOf("valid.ts"), []);
});

for (const [name, , code, text] of INVALID) {
  test(`tsc rejects a config with a ${name.replaceAll("_", " ")}`, () => {
    const found = errorsOf(`${name}.ts`);
    assert.equal(found.length, 1, `one error expected in ${name}.ts, tsc said:\n${output}`);
    assert.match(found[0], new RegExp(`error ${code}: `));
    assert.ok(found[0].includes(text), found[0]);
  });
}
