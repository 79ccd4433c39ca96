import type Database from 'better-sqlite3';

/**
 * Runs one statement whose parameters are named `@name`: the part of a database that the store halves written
 * once for both backends need (`postings.ts`). SQLite takes the names as they are; PostgreSQL numbers them.
 */
export interface SqlRunner {
  /** Runs a statement; resolves with how many rows it changed. */
  run(sql: string, params?: Record<string, unknown>): Promise<number>;
  /** The first row a query returns, or undefined. */
  get(sql: string, params?: Record<string, unknown>): Promise<unknown>;
  /** Every row a query returns. */
  all(sql: string, params?: Record<string, unknown>): Promise<unknown[]>;
  /**
   * The column that keeps the order rows were first stored in, for `ORDER BY`: SQLite's `rowid`, PostgreSQL's
   * `position` (`pg-migrations.ts`).
   */
  firstStored: 'rowid' | 'position';
}

/** A runner over a better-sqlite3 connection, preparing each statement once. */
export function sqliteRunner(db: Database.Database): SqlRunner {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const args = (params?: Record<string, unknown>) => (params === undefined ? [] : [params]);
  return {
    run: async (sql, params) => prepared(sql).run(...args(params)).changes,
    get: async (sql, params) => prepared(sql).get(...args(params)),
    all: async (sql, params) => prepared(sql).all(...args(params)),
    firstStored: 'rowid',
  };
}

/** `@name` parameters as PostgreSQL's `$1, $2, …` (a name used twice keeps its number), with their values in order. */
export function positional(sql: string, params: Record<string, unknown> = {}): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`paperbot store: no value for @${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, values: names.map((name) => params[name]) };
}
