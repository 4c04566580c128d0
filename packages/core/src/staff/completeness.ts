import { sql } from "@coop/db";

/**
 * What makes a co-op's site "complete", as SQL over a `tenants` row aliased `t`. Shared by the
 * co-op health score (coops.ts) and the per-province reports (reports.ts) so both count the same
 * sites as complete.
 */
export type SiteField = "logo" | "cover" | "story" | "contact" | "payment";

export const SITE_FIELD_SQL = {
  logo: sql<boolean>`t.logo_key IS NOT NULL`,
  cover: sql<boolean>`t.cover_key IS NOT NULL`,
  story: sql<boolean>`coalesce(length(trim(t.story_th)), 0) > 0`,
  contact: sql<boolean>`(t.phone IS NOT NULL OR t.contact_email IS NOT NULL OR t.line_id IS NOT NULL)`,
  // A way to be paid before delivery (cash on delivery alone is the default and proves nothing).
  payment: sql<boolean>`(t.promptpay_id IS NOT NULL OR t.bank_account_no IS NOT NULL)`,
} satisfies Record<SiteField, unknown>;

/** True when every site field of `t` is filled in. */
export const siteCompleteSql = sql<boolean>`(${sql.join(Object.values(SITE_FIELD_SQL), sql` AND `)})`;

/** A product a co-op lists on its site (visible and not archived), over a `products` row aliased `pr`. */
export const listedProductSql = sql<boolean>`(pr.status <> 'hidden' AND pr.archived_at IS NULL)`;
