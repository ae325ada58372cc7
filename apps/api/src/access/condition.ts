import { Prisma } from '@commonplace/db';

/**
 * An access rule written once and rendered twice: as a Prisma `where` for the ORM's queries and
 * as an SQL fragment for raw ones (search, and the collaboration server's checks). Column names
 * are the Prisma field names, which this schema maps to columns of the same name.
 */
/** Ids are compared as uuids (so their indexes serve); enums and text as text; flags as 'true'/'false'. */
export type ColumnType = 'uuid' | 'text' | 'boolean';

export type Condition =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'equals'; column: string; value: string; type: ColumnType }
  | { kind: 'oneOf'; column: string; values: readonly string[]; type: ColumnType }
  /** Some row of `table` points at this one through `foreignKey` (Prisma: `relation: { some: {} }`). */
  | { kind: 'hasRelated'; relation: string; table: string; foreignKey: string }
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] };

export const always: Condition = { kind: 'always' };
export const never: Condition = { kind: 'never' };
export const equals = (column: string, value: string, type: ColumnType = 'uuid'): Condition => ({
  kind: 'equals',
  column,
  value,
  type,
});
export const oneOf = (column: string, values: readonly string[], type: ColumnType = 'uuid'): Condition => ({
  kind: 'oneOf',
  column,
  values,
  type,
});
export const hasRelated = (relation: string, table: string, foreignKey: string): Condition => ({
  kind: 'hasRelated',
  relation,
  table,
  foreignKey,
});
export const all = (...conditions: Condition[]): Condition => ({ kind: 'all', conditions });
export const any = (...conditions: Condition[]): Condition => ({ kind: 'any', conditions });

/** A Prisma where input; callers narrow it to their model's type. */
export type Where = Record<string, unknown>;

export function toWhere(condition: Condition): Where {
  switch (condition.kind) {
    case 'always':
      return {};
    case 'never':
      // No row has an empty list of ids: Prisma's own spelling of "false".
      return { OR: [] };
    case 'equals':
      return { [condition.column]: condition.type === 'boolean' ? condition.value === 'true' : condition.value };
    case 'oneOf':
      return { [condition.column]: { in: [...condition.values] } };
    case 'hasRelated':
      return { [condition.relation]: { some: {} } };
    case 'all':
      return { AND: condition.conditions.map(toWhere) };
    case 'any':
      return { OR: condition.conditions.map(toWhere) };
  }
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** Identifiers come from the policies' own code, never from a request; checked all the same. */
function identifier(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

/** The condition over the row aliased `alias` in the caller's query. */
export function toSql(condition: Condition, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.sql`${identifier(alias)}.${identifier(name)}`;
  switch (condition.kind) {
    case 'always':
      return Prisma.sql`TRUE`;
    case 'never':
      return Prisma.sql`FALSE`;
    case 'equals':
      if (condition.type === 'boolean') return Prisma.sql`${column(condition.column)} = ${condition.value === 'true'}`;
      return condition.type === 'uuid'
        ? Prisma.sql`${column(condition.column)} = ${condition.value}::uuid`
        : Prisma.sql`${column(condition.column)}::text = ${condition.value}`;
    case 'oneOf':
      return condition.type === 'uuid'
        ? Prisma.sql`${column(condition.column)} = ANY(${[...condition.values]}::uuid[])`
        : Prisma.sql`${column(condition.column)}::text = ANY(${[...condition.values]}::text[])`;
    case 'hasRelated':
      return Prisma.sql`EXISTS (SELECT 1 FROM ${identifier(condition.table)} related
        WHERE related.${identifier(condition.foreignKey)} = ${column('id')})`;
    case 'all':
      return condition.conditions.length
        ? Prisma.sql`(${Prisma.join(
            condition.conditions.map((c) => toSql(c, alias)),
            ' AND ',
          )})`
        : Prisma.sql`TRUE`;
    case 'any':
      return condition.conditions.length
        ? Prisma.sql`(${Prisma.join(
            condition.conditions.map((c) => toSql(c, alias)),
            ' OR ',
          )})`
        : Prisma.sql`FALSE`;
  }
}
