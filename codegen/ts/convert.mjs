// Read one published bundle (JSON) on stdin, write its TypeScript declarations on stdout.
// Run by codegen/typescript.py. The bundle's refs are all internal (#/$defs/...), and external
// resolution is switched off, so nothing is fetched or read besides stdin.
import { compile } from "json-schema-to-typescript";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bundle = JSON.parse(Buffer.concat(chunks).toString("utf8"));

let text;
try {
  text = await compile(bundle, "NipConfigRoot", {
    bannerComment: "",
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    enableConstEnums: false,
    inferStringEnumKeysFromValues: false,
    strictIndexSignatures: true,
    format: true,
    style: { printWidth: 100 },
    $refOptions: { resolve: { external: false, file: false, http: false } },
  });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
process.stdout.write(text);
