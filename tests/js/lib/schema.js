// Reading the bundle as data: which keywords it uses, its embedded resources, and the
// fields of each class (so editor tests derive their expectations from the schema).

// Every keyword of JSON Schema draft 2020-12 (all seven vocabularies of the meta-schema).
export const STANDARD_KEYWORDS = new Set([
  // core
  "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
  // applicator
  "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
  "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
  // unevaluated
  "unevaluatedItems", "unevaluatedProperties",
  // validation
  "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
  "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
  "maxProperties", "minProperties", "required", "dependentRequired",
  // meta-data, format-annotation, content
  "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
  "format", "contentEncoding", "contentMediaType", "contentSchema",
]);

const SUBSCHEMA = ["additionalProperties", "items", "contains", "not", "if", "then", "else",
  "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const SUBSCHEMA_MAP = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SUBSCHEMA_LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];

const escape = (part) => String(part).replaceAll("~", "~0").replaceAll("/", "~1");

/** Calls visit(schema, pointer) for every (sub)schema object, following only schema positions. */
export function walkSchemas(schema, visit, pointer = "") {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return;
  visit(schema, pointer);
  for (const key of SUBSCHEMA) walkSchemas(schema[key], visit, `${pointer}/${key}`);
  for (const key of SUBSCHEMA_MAP) {
    for (const [name, sub] of Object.entries(schema[key] ?? {})) walkSchemas(sub, visit, `${pointer}/${key}/${escape(name)}`);
  }
  for (const key of SUBSCHEMA_LIST) (schema[key] ?? []).forEach((sub, i) => walkSchemas(sub, visit, `${pointer}/${key}/${i}`));
}

/** keyword -> first schema pointer using it, for keywords neither standard nor in the vocabulary. */
export function unlistedKeywords(bundle, vocabulary) {
  const found = new Map();
  walkSchemas(bundle, (schema, pointer) => {
    for (const key of Object.keys(schema)) {
      if (!STANDARD_KEYWORDS.has(key) && !vocabulary.has(key) && !found.has(key)) found.set(key, pointer || "/");
    }
  });
  return found;
}

/** Resolves $refs inside the bundle by the embedded resources' $ids; never fetches. */
export class BundleIndex {
  constructor(bundle) {
    this.bundle = bundle;
    this.resources = new Map();
    const collect = (schema, base) => {
      walkSchemas(schema, (sub) => {
        if (typeof sub.$id === "string") this.resources.set(new URL(sub.$id, base).href, sub);
      });
    };
    collect(bundle, bundle.$id);
  }

  /** The schema a $ref points to, and the base URI inside it. */
  resolve(ref, base) {
    const url = new URL(ref, base);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = "";
    let schema = this.resources.get(url.href);
    if (!schema) throw new Error(`$ref ${ref} (from ${base}) names no resource in the bundle`);
    for (const part of fragment.split("/").slice(1)) {
      schema = schema?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    }
    if (!schema) throw new Error(`$ref ${ref} (from ${base}) points at nothing`);
    return { schema, base: url.href };
  }

  /** The class definition named `name`, from whichever `$defs` holds it. */
  classByName(name) {
    let found;
    walkSchemas(this.bundle, (schema, pointer) => {
      if (!found && schema.$defs?.[name]) found = { schema: schema.$defs[name], pointer: `${pointer}/$defs/${name}` };
    });
    if (!found) throw new Error(`no class ${name} in the bundle`);
    // The base URI is that of the innermost resource around the definition.
    let base = this.bundle.$id;
    let node = this.bundle;
    for (const part of found.pointer.split("/").slice(1)) {
      node = node[part.replaceAll("~1", "/").replaceAll("~0", "~")];
      if (typeof node?.$id === "string") base = new URL(node.$id, base).href;
    }
    return { schema: found.schema, base };
  }

  /** The root class: what the bundle's own $ref names. */
  rootClass() {
    return this.deref({ schema: this.bundle, base: this.bundle.$id });
  }

  /** Follows a chain of plain $refs. */
  deref({ schema, base }) {
    while (schema.$ref && !schema.properties) ({ schema, base } = this.resolve(schema.$ref, base));
    return { schema, base };
  }

  /** A field's class when the field holds one object class (`$ref`, or anyOf [$ref, null]). */
  fieldClass(field) {
    const branches = field.schema.$ref ? [field.schema] : (field.schema.anyOf ?? field.schema.oneOf ?? []);
    const refs = branches.filter((b) => b.$ref);
    if (refs.length !== 1) return undefined;
    const target = this.deref(this.resolve(refs[0].$ref, field.base));
    return target.schema.type === "object" || target.schema.properties ? target : undefined;
  }

  /** name -> {schema, base} of every property of a class, inherited ones (allOf) first. */
  properties({ schema, base }) {
    const props = new Map();
    for (const part of schema.allOf ?? []) {
      if (part.$ref) for (const [k, v] of this.properties(this.resolve(part.$ref, base))) props.set(k, v);
    }
    for (const [name, sub] of Object.entries(schema.properties ?? {})) props.set(name, { schema: sub, base });
    return props;
  }

  /** The values an editor should offer for a field: enum/const values and null, minus doNotSuggest branches. */
  suggestedValues(field) {
    const values = [];
    const add = ({ schema, base }) => {
      if (schema.doNotSuggest) return;
      if (schema.$ref) add(this.resolve(schema.$ref, base));
      for (const v of schema.enum ?? []) values.push(v);
      if ("const" in schema) values.push(schema.const);
      if (schema.type === "null") values.push(null);
      for (const b of schema.anyOf ?? schema.oneOf ?? []) add({ schema: b, base });
    };
    add(field);
    return values;
  }

  /** The description a field shows: its own, else the one of the schema it refers to. */
  description({ schema, base }) {
    if (schema.description) return schema.description;
    if (schema.$ref) return this.description(this.resolve(schema.$ref, base));
    return undefined;
  }
}
