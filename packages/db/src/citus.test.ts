import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITUS_PLACEMENT, checkCitusRules, citusDistributionPlan } from "./citus.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

class Rollback extends Error {}

/** The problems the checker finds after `ddl` runs; the DDL is rolled back afterwards. */
async function problemsWith(ddl: string[]): Promise<string[]> {
  let problems: string[] = [];
  try {
    await t.owner().transaction().execute(async (trx) => {
      for (const statement of ddl) await sql.raw(statement).execute(trx);
      problems = await checkCitusRules(trx as unknown as Kysely<unknown>);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return problems;
}

describe("the schema after every migration can be distributed by Citus", () => {
  it("breaks none of Citus's rules", async () => {
    expect(await checkCitusRules(t.owner())).toEqual([]);
  });

  it("plans every reference and tenant table, referenced tables first, tenant tables co-located", async () => {
    const plan = await citusDistributionPlan(t.owner());
    const placed = (kind: string) => [...CITUS_PLACEMENT].filter(([, p]) => p === kind).map(([name]) => name);
    expect(plan).toHaveLength(placed("reference").length + placed("distributed").length);
    const position = (table: string) => plan.findIndex((s) => s.includes(`'public.${table}'`));
    // Referenced before referencing: provinces → tenants → products → order_items.
    expect(position("regions")).toBeLessThan(position("provinces"));
    expect(position("provinces")).toBeLessThan(position("tenants"));
    expect(position("products")).toBeLessThan(position("order_items"));
    expect(position("orders")).toBeLessThan(position("order_items"));
    const distributed = plan.filter((s) => s.includes("create_distributed_table"));
    expect(distributed[0]).toMatch(/colocate_with => 'none'/);
    const first = distributed[0]!.match(/'public\.(\w+)'/)![1];
    for (const statement of distributed.slice(1)) expect(statement).toContain(`colocate_with => 'public.${first}'`);
    for (const statement of distributed) expect(statement).toContain("'tenant_id'");
  });
});

describe("a migration that would break distribution is caught", () => {
  it("a new table nobody placed", async () => {
    expect(await problemsWith(["CREATE TABLE widgets (id int PRIMARY KEY)"])).toEqual([expect.stringMatching(/^widgets: not placed/)]);
  });

  it("a tenant table whose primary key or unique index lacks tenant_id", async () => {
    const problems = await problemsWith([
      "ALTER TABLE products ADD COLUMN sku text",
      "CREATE UNIQUE INDEX products_sku_idx ON products (sku)",
      "ALTER TABLE order_counters DROP CONSTRAINT order_counters_pkey",
      "ALTER TABLE order_counters ADD COLUMN serial_no int NOT NULL DEFAULT 1",
      "ALTER TABLE order_counters ADD PRIMARY KEY (serial_no)",
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^products: unique index products_sku_idx \(sku\) lacks tenant_id/),
        expect.stringMatching(/^order_counters: primary key \(serial_no\) lacks tenant_id/),
      ]),
    );
  });

  it("a foreign key between tenant tables that skips tenant_id, or would set it to null", async () => {
    const problems = await problemsWith([
      "ALTER TABLE articles ADD COLUMN product_id uuid",
      "ALTER TABLE products ADD CONSTRAINT products_id_key UNIQUE (id)",
      "ALTER TABLE articles ADD CONSTRAINT articles_product_fk FOREIGN KEY (product_id) REFERENCES products (id)",
      "ALTER TABLE article_files ADD CONSTRAINT article_files_null_fk FOREIGN KEY (tenant_id, article_id) REFERENCES articles (tenant_id, id) ON DELETE SET NULL",
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^articles\.articles_product_fk → products: a key between distributed tables must pair tenant_id/),
        expect.stringMatching(/^article_files\.article_files_null_fk → articles: SET NULL would change tenant_id/),
      ]),
    );
  });

  it("a reference or local table pointing at a tenant table, and a tenant table pointing at a local one", async () => {
    const problems = await problemsWith([
      "ALTER TABLE products ADD CONSTRAINT products_id_key UNIQUE (id)",
      "ALTER TABLE sages ADD COLUMN product_id uuid REFERENCES products (id)",
      "ALTER TABLE outbox ADD COLUMN product_id uuid REFERENCES products (id)",
      "ALTER TABLE orders ADD COLUMN session_id uuid REFERENCES sessions (id)",
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sages\.\w+ → products: a reference table cannot reference a distributed table/),
        expect.stringMatching(/^outbox\.\w+ → products: a local table cannot reference a distributed table/),
        expect.stringMatching(/^orders\.\w+ → sessions: a distributed table cannot reference a coordinator-local table/),
        expect.stringMatching(/^products: unique index products_id_key \(id\) lacks tenant_id/),
      ]),
    );
  });

  it("a platform table given a tenant_id", async () => {
    expect(await problemsWith(["ALTER TABLE crops ADD COLUMN tenant_id uuid"])).toEqual([
      "crops: has tenant_id but is placed as reference — tenant tables are distributed",
    ]);
  });
});
