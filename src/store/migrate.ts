/**
 * What the migration runner needs of a database. Each backend keeps its schema version in the database itself
 * (SQLite: `user_version`; PostgreSQL: the `paperbot_schema` table) and its own list of migrations, in its SQL.
 */
export interface MigrationTarget {
  /**
   * Runs `work` in one transaction that holds the database's migration lock, so that processes starting together
   * migrate one after another: the second finds the schema up to date.
   */
  locked(work: () => Promise<void>): Promise<void>;
  /** The schema version: how many migrations the database has had. */
  version(): Promise<number>;
  /** Runs one migration and records `version` as the schema version. */
  apply(migration: string, version: number): Promise<void>;
}

/**
 * Brings the database up to date: migration N takes it from version N to N + 1. The one runner of both
 * backends. Refuses a database that a newer build has migrated further than `migrations` go.
 */
export async function migrate(target: MigrationTarget, migrations: readonly string[]): Promise<void> {
  await target.locked(async () => {
    const current = await target.version();
    if (current > migrations.length) {
      throw new Error(`paperbot store: database schema version ${current} is newer than this build knows (${migrations.length})`);
    }
    for (let version = current; version < migrations.length; version += 1) await target.apply(migrations[version]!, version + 1);
  });
}
