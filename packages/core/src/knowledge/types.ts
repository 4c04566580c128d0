import type { ArticleSource, KnowledgeTopic } from "@coop/db";

export type ArticleStatus = "draft" | "published";

export interface ArticleFileView {
  id: string;
  articleId: string | null;
  kind: "image" | "pdf";
  fileName: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  /** Images: the public media URL; PDFs: the download route (which checks the article is public). */
  url: string;
  /** What to paste into the Markdown body to show (image) or link (PDF) the file. */
  markdown: string;
  createdAt: Date;
}

/** One article as the back office edits it. */
export interface AdminArticle {
  id: string;
  title: string;
  summary: string;
  bodyMd: string;
  bodyHtml: string;
  coverKey: string | null;
  coverUrl: string | null;
  topic: KnowledgeTopic;
  crops: string[];
  sourceKind: ArticleSource;
  sourceCentreId: string | null;
  sourceSageId: string | null;
  status: ArticleStatus;
  shared: boolean;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  files: ArticleFileView[];
}

export interface AdminArticleRow {
  id: string;
  title: string;
  topic: KnowledgeTopic;
  crops: string[];
  status: ArticleStatus;
  shared: boolean;
  coverUrl: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** Who the knowledge came from, for the credit line. */
export interface ArticleSourceCredit {
  kind: ArticleSource;
  centre: { id: string; nameTh: string } | null;
  sage: { id: string; nameTh: string } | null;
}

export interface SiteArticleCard {
  id: string;
  title: string;
  summary: string;
  topic: KnowledgeTopic;
  crops: string[];
  coverUrl: string | null;
  publishedAt: Date;
  sourceKind: ArticleSource;
}

/** A published article as its co-op's site (or the network) shows it. */
export interface PublicArticle extends SiteArticleCard {
  bodyHtml: string;
  updatedAt: Date;
  source: ArticleSourceCredit;
  /** PDF attachments (inline images are already in the body). */
  attachments: ArticleFileView[];
}

export interface NetworkArticleCard {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  title: string;
  summary: string;
  topic: KnowledgeTopic;
  crops: string[];
  coverUrl: string | null;
  publishedAt: Date;
  sourceKind: ArticleSource;
}

export interface NetworkArticle extends PublicArticle {
  tenant: { id: string; slug: string; nameTh: string; nameEn: string | null };
}
