import type { Database, Kysely } from "@coop/db";
import { t } from "@coop/i18n";
import type { PublicOrigins, Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { ZodError, type z } from "zod";
import { type CsvColumn, csvStream } from "@coop/core";
import { apiBadParam, apiError, apiLocale, apiNotFound, cacheableResponse, CORS_HEADERS, JSON_TYPE, PUBLIC_CACHE } from "./http.ts";
import { openApiDocument } from "./openapi.ts";
import { CORE_PAGE_SIZE, linkHeader, type PageOf, pageMeta, pagingQuery, readWindow } from "./paging.ts";
import {
  articleDetailJson, articleFilters, articleJson, centreDetailJson, centreFilters, centreJson, readArticle, readArticles, readCentre, readCentres,
  readSage, readSages, readSeminars, sageDetailJson, sageFilters, sageJson, seminarFilters, seminarJson,
} from "./resources.ts";

/**
 * The network's public, read-only JSON API (`/api/v1/…`, described by `/api/v1/openapi.json`)
 * and its open-data CSV files (`/open-data/<name>.csv`). Network host only: co-op hosts answer 404.
 * Reads go through the core's public list/get functions, which see only what is public.
 */
export interface OpenApiDeps {
  db: Kysely<Database>;
  origins: PublicOrigins;
}

type OpenApiEnv = { Variables: { site: Site } };

export const API_PREFIX = "/api/v1";
/** The most rows one CSV file holds (fetched a core page at a time, so memory stays bounded). */
export const CSV_MAX_ROWS = 50_000;

/** The first query parameter zod refused, for the error message. */
function badParamName(error: ZodError): string {
  const name = error.issues[0]?.path[0];
  return typeof name === "string" ? name : "query";
}

export function mountOpenApi<E extends OpenApiEnv>(app: Hono<E>, deps: OpenApiDeps): void {
  const { db, origins } = deps;

  /** The handler runs on the network host only; a validation error is the client's (400), never a 500. */
  const networkOnly = (handler: (c: Context<E>) => Promise<Response>) => async (c: Context<E>) => {
    if (c.get("site").kind !== "network") return apiNotFound(c);
    try {
      return await handler(c);
    } catch (error) {
      if (error instanceof ZodError) return apiBadParam(c, badParamName(error));
      throw error;
    }
  };

  /** Query parameters checked against the filters and paging; the first bad one is named. */
  const parseQuery = <S extends z.ZodType>(c: Context<E>, schema: S) => {
    const query = c.req.query();
    const paging = pagingQuery.safeParse(query);
    if (!paging.success) return { ok: false as const, response: apiBadParam(c, badParamName(paging.error)) };
    const filters = schema.safeParse(query);
    if (!filters.success) return { ok: false as const, response: apiBadParam(c, badParamName(filters.error)) };
    return { ok: true as const, paging: paging.data, filters: filters.data as z.output<S> };
  };

  function list<S extends z.ZodType, T>(
    path: string,
    schema: S,
    read: (db: Kysely<Database>, filters: z.output<S>) => (page: number, pageSize: number) => Promise<PageOf<T>>,
    toJson: (o: PublicOrigins, item: T) => unknown,
  ) {
    app.get(
      API_PREFIX + path,
      networkOnly(async (c) => {
        const parsed = parseQuery(c, schema);
        if (!parsed.ok) return parsed.response;
        const { paging, filters } = parsed;
        const { items, total } = await readWindow(paging, read(db, filters));
        const body = JSON.stringify({ data: items.map((item) => toJson(origins, item)), meta: pageMeta(paging, total) });
        const self = new URL(origins.network + c.req.path);
        for (const [name, value] of new URL(c.req.url).searchParams) self.searchParams.append(name, value);
        return cacheableResponse(c, body, JSON_TYPE, { Link: linkHeader(self, paging, total), "X-Total-Count": String(total) });
      }),
    );
  }

  function one<T>(path: string, read: (c: Context<E>) => Promise<T | null>, toJson: (o: PublicOrigins, item: T) => unknown) {
    app.get(
      API_PREFIX + path,
      networkOnly(async (c) => {
        const item = await read(c);
        if (item === null) return apiNotFound(c);
        return cacheableResponse(c, JSON.stringify({ data: toJson(origins, item) }), JSON_TYPE);
      }),
    );
  }

  // Preflight of a cross-origin GET that sends If-None-Match.
  app.options(`${API_PREFIX}/*`, (c) =>
    c.get("site").kind === "network" ? new Response(null, { status: 204, headers: CORS_HEADERS }) : apiNotFound(c),
  );

  app.get(
    `${API_PREFIX}/openapi.json`,
    networkOnly(async (c) => cacheableResponse(c, JSON.stringify(openApiDocument(origins.network), null, 2), "application/vnd.oai.openapi+json; charset=utf-8")),
  );

  list("/articles", articleFilters, readArticles, articleJson);
  one("/articles/:coopSlug/:id", (c) => readArticle(db, c.req.param("coopSlug") ?? "", c.req.param("id") ?? ""), articleDetailJson);
  list("/centres", centreFilters, readCentres, centreJson);
  one("/centres/:id", (c) => readCentre(db, c.req.param("id") ?? ""), centreDetailJson);
  list("/sages", sageFilters, readSages, sageJson);
  one("/sages/:id", (c) => readSage(db, c.req.param("id") ?? ""), sageDetailJson);
  list("/seminars", seminarFilters, readSeminars, seminarJson);

  // Anything else under the API: a JSON 404 (or 405 for writes), never the web app's HTML page.
  app.all(`${API_PREFIX}/*`, (c) => {
    if (c.get("site").kind === "network" && c.req.method !== "GET" && c.req.method !== "HEAD") {
      return apiError(c, "method_not_allowed", t(apiLocale(c), "hub.api.error.methodNotAllowed"));
    }
    return apiNotFound(c);
  });

  // ---- Open data: whole data sets as CSV ----

  function csvFile<T, J>(name: string, read: (page: number, pageSize: number) => Promise<PageOf<T>>, toJson: (o: PublicOrigins, item: T) => J, columns: readonly CsvColumn<J>[]) {
    app.get(
      `/open-data/${name}.csv`,
      networkOnly(async () => {
        const stream = csvStream(columns, async (page) => ({ items: (await read(page, CORE_PAGE_SIZE)).items.map((item) => toJson(origins, item)) }), {
          maxRows: CSV_MAX_ROWS,
          pageSize: CORE_PAGE_SIZE,
        });
        return new Response(stream, {
          status: 200,
          headers: {
            ...CORS_HEADERS,
            "Content-Type": "text/csv; charset=utf-8; header=present",
            "Content-Disposition": `attachment; filename="${name}.csv"`,
            "Cache-Control": PUBLIC_CACHE,
          },
        });
      }),
    );
  }

  type ArticleRow = ReturnType<typeof articleJson>;
  csvFile<Parameters<typeof articleJson>[1], ArticleRow>("articles", readArticles(db, {}), articleJson, [
    { header: "id", value: (a) => a.id },
    { header: "title", value: (a) => a.title },
    { header: "summary", value: (a) => a.summary },
    { header: "topic", value: (a) => a.topic },
    { header: "crops", value: (a) => a.crops },
    { header: "source_kind", value: (a) => a.source_kind },
    { header: "coop_slug", value: (a) => a.coop.slug },
    { header: "coop_name_th", value: (a) => a.coop.name_th },
    { header: "published_at", value: (a) => a.published_at },
    { header: "url", value: (a) => a.url },
  ]);

  type CentreRow = ReturnType<typeof centreJson>;
  csvFile<Parameters<typeof centreJson>[1], CentreRow>("centres", readCentres(db, {}), centreJson, [
    { header: "id", value: (r) => r.id },
    { header: "code", value: (r) => r.code },
    { header: "name_th", value: (r) => r.name_th },
    { header: "name_en", value: (r) => r.name_en },
    { header: "province_code", value: (r) => r.province.code },
    { header: "province_th", value: (r) => r.province.name_th },
    { header: "district_th", value: (r) => r.district_th },
    { header: "subdistrict_th", value: (r) => r.subdistrict_th },
    { header: "crops", value: (r) => r.crops },
    { header: "model_farmer_name", value: (r) => r.model_farmer_name },
    { header: "phone", value: (r) => r.phone },
    { header: "url", value: (r) => r.url },
  ]);

  type SageRow = ReturnType<typeof sageJson>;
  csvFile<Parameters<typeof sageJson>[1], SageRow>("sages", readSages(db, {}), sageJson, [
    { header: "id", value: (r) => r.id },
    { header: "name_th", value: (r) => r.name_th },
    { header: "name_en", value: (r) => r.name_en },
    { header: "title_th", value: (r) => r.title_th },
    { header: "expertise_th", value: (r) => r.expertise_th },
    { header: "province_code", value: (r) => r.province.code },
    { header: "province_th", value: (r) => r.province.name_th },
    { header: "district_th", value: (r) => r.district_th },
    { header: "crops", value: (r) => r.crops },
    { header: "url", value: (r) => r.url },
  ]);

  type SeminarRow = ReturnType<typeof seminarJson>;
  csvFile<Parameters<typeof seminarJson>[1], SeminarRow>("seminars", readSeminars(db, { when: "upcoming" }), seminarJson, [
    { header: "id", value: (r) => r.id },
    { header: "title", value: (r) => r.title },
    { header: "topic", value: (r) => r.topic },
    { header: "crops", value: (r) => r.crops },
    { header: "starts_at", value: (r) => r.starts_at },
    { header: "ends_at", value: (r) => r.ends_at },
    { header: "place", value: (r) => r.place },
    { header: "province_th", value: (r) => r.province?.name_th },
    { header: "online", value: (r) => r.online },
    { header: "capacity", value: (r) => r.capacity },
    { header: "seats_left", value: (r) => r.seats_left },
    { header: "speakers", value: (r) => r.speakers },
    { header: "coop_slug", value: (r) => r.coop.slug },
    { header: "coop_name_th", value: (r) => r.coop.name_th },
    { header: "url", value: (r) => r.url },
  ]);
}
