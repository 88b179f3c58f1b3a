// Generated from schema/1.0/ by `make generate`. Do not edit.
/**
 * ColourType: A colour.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ColourType".
 */
export type ColourType = "red" | "blue";

/**
 * The tiny root.
 */
export interface HyperParameters {
  /**
   * meta
   */
  _package_version?: string;
  /**
   * The class of this object, `HyperParameters`. Optional in hand-written configs.
   */
  _type?: "HyperParameters";
  /**
   * With a deprecated alias.
   */
  mode?: ColourType | "crimson";
  /**
   * Required.
   */
  name: string;
  /**
   * A group.
   */
  thing?: BigThingParameters | null;
}
/**
 * A subclass with a tuple field.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "BigThingParameters".
 */
export interface BigThingParameters {
  /**
   * The class of this object, `BigThingParameters`. Optional in hand-written configs.
   */
  _type?: "BigThingParameters";
  /**
   * Which colour.
   */
  colour?: ColourType;
  /**
   * How many.
   */
  count?: number;
  /**
   * Nested, nullable.
   */
  factor?: Factors | null;
  /**
   * From the environment.
   */
  owner?: string;
  /**
   * Two sides.
   *
   * @minItems 2
   */
  size?: never[] | null;
}
/**
 * A nested group.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "Factors".
 */
export interface Factors {
  /**
   * The class of this object, `Factors`. Optional in hand-written configs.
   */
  _type?: "Factors";
  /**
   * How much.
   */
  scale?: number;
}
/**
 * A base class, `abstract` in name only.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ThingParameters".
 */
export interface ThingParameters {
  /**
   * The class of this object, `ThingParameters`. Optional in hand-written configs.
   */
  _type?: "ThingParameters";
  /**
   * Which colour.
   */
  colour?: ColourType;
  /**
   * Nested, nullable.
   */
  factor?: Factors | null;
  /**
   * From the environment.
   */
  owner?: string;
}

/** A complete config. */
export type NipConfig = HyperParameters;
