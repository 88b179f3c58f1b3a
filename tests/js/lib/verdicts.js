// Shared bookkeeping for the validator tests: the pointer an error names, the deepest
// ones among a set, and a one-line summary of how far a validator agrees with the corpus.

/** RFC 6901 pointer of a path given as parts. */
export const toPointer = (parts) =>
  parts.map((p) => "/" + String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("");

export const depth = (pointer) => (pointer === "" ? 0 : pointer.split("/").length - 1);

/** The pointers of greatest depth in a collection. */
export function deepest(pointers) {
  const list = [...pointers];
  const max = Math.max(...list.map(depth));
  return [...new Set(list.filter((p) => depth(p) === max))].sort();
}

/** Counts per validator, printed as one line at the end of its test file. */
export class Tally {
  constructor(name) {
    this.name = name;
    this.checked = { valid: 0, invalid: 0 };
    this.agreed = { valid: 0, invalid: 0 };
    this.pointerAgreed = 0;
    this.disagreements = [];
  }

  record(kind, id, agreed, detail = "") {
    this.checked[kind] += 1;
    if (agreed) this.agreed[kind] += 1;
    else this.disagreements.push(`${kind}/${id}${detail ? `: ${detail}` : ""}`);
  }

  summary(extra = "") {
    const total = this.checked.valid + this.checked.invalid;
    const agreed = this.agreed.valid + this.agreed.invalid;
    const rate = total ? ((100 * agreed) / total).toFixed(1) : "0.0";
    return `${this.name}: ${total} cases checked (${this.checked.valid} valid, ${this.checked.invalid} invalid); ` +
      `agreement ${agreed}/${total} = ${rate}%${extra}`;
  }
}
