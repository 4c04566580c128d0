import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_accounts_backoffice.ts";
import * as m0003 from "./0003_dev_mailbox.ts";
import * as m0004 from "./0004_orders.ts";
import * as m0005 from "./0005_slips_notifications.ts";
import * as m0006 from "./0006_knowledge.ts";
import * as m0007 from "./0007_shop_zones.ts";
import * as m0008 from "./0008_staff.ts";
import * as m0009 from "./0009_order_rollups.ts";
import * as m0010 from "./0010_stripe.ts";
import * as m0011 from "./0011_marketplace.ts";
import * as m0012 from "./0012_order_monthly_rollups.ts";
import * as m0013 from "./0013_marketplace_orders.ts";
import * as m0014 from "./0014_custom_domains.ts";

/** Every migration, in order. Names sort lexically; never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_accounts_backoffice": m0002,
  "0003_dev_mailbox": m0003,
  "0004_orders": m0004,
  "0005_slips_notifications": m0005,
  "0006_knowledge": m0006,
  "0007_shop_zones": m0007,
  "0008_staff": m0008,
  "0009_order_rollups": m0009,
  "0010_stripe": m0010,
  "0011_marketplace": m0011,
  "0012_order_monthly_rollups": m0012,
  "0013_marketplace_orders": m0013,
  "0014_custom_domains": m0014,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
