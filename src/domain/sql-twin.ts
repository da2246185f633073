/**
 * Where the database must apply a methodology rule too, the rule's SQL sits beside its TypeScript
 * twin as a tagged template written against an injected tag, because nothing under src/domain may
 * import the driver. Modules pass Drizzle's `sql`, so every operand stays a bound parameter or a
 * column reference: a twin never splices text into SQL and needs no `sql.raw`.
 */

/** A tagged-template function building a SQL fragment of type `F` from text and operands of that type. */
export type SqlTag<F> = (strings: TemplateStringsArray, ...operands: F[]) => F;
