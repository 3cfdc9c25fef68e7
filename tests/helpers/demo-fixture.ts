import { afterAll, beforeAll } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { createDemoDatabase, type TestDatabase } from "./test-database";
import { createTriageActors, type TriageActors } from "./variance-fixtures";

export interface DemoFixture {
  database: TestDatabase;
  db: Database;
  actors: TriageActors;
}

/**
 * A private demo database for one test file, with a Prisma client and one account per
 * role; its fields are set once the file's beforeAll has run.
 */
export function demoDatabaseFixture(): DemoFixture {
  const fixture = {} as DemoFixture;
  beforeAll(async () => {
    fixture.database = await createDemoDatabase();
    fixture.db = createPrismaClient(fixture.database.url);
    fixture.actors = await createTriageActors(fixture.db);
  });
  afterAll(async () => {
    await fixture.db?.$disconnect();
    await fixture.database?.drop();
  });
  return fixture;
}
