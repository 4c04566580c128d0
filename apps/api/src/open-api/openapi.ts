import { KNOWLEDGE_TOPICS } from "@coop/db";
import { MAX_PAGE, MAX_PER_PAGE, DEFAULT_PER_PAGE } from "./paging.ts";

/**
 * The OpenAPI 3.1 description of the public JSON API, written by hand. `open-api.test.ts` keeps
 * it honest: every documented path answers, and every path the server answers is documented.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, "null"], ...extra });
const str = (extra: Record<string, unknown> = {}) => ({ type: "string", ...extra });
const uri = { type: "string", format: "uri" };
const dateTime = { type: "string", format: "date-time" };
const cropCodes = { type: "array", items: { type: "string", pattern: "^[a-z][a-z0-9-]{1,40}$" }, description: "Crop/product codes, e.g. rice, cassava." };

const param = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: "query", required: false, description, schema });
const pathParam = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: "path", required: true, description, schema });

const PAGING = [
  param("page", "Page number, from 1.", { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 }),
  param("per_page", "Items per page.", { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE }),
];
const CROP = param("crop", "Only items tagged with this crop code.", { type: "string", pattern: "^[a-z][a-z0-9-]{1,40}$" });
const PROVINCE = param("province", "Thai province code (e.g. 30 = Nakhon Ratchasima).", { type: "integer", minimum: 1, maximum: 99 });
const UUID_PARAM = pathParam("id", "The item's id.", { type: "string", format: "uuid" });

const CACHE_HEADERS = {
  ETag: { description: "Strong validator of the body; send it back in If-None-Match.", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60", schema: { type: "string" } },
};
const LIST_HEADERS = {
  ...CACHE_HEADERS,
  Link: { description: "RFC 8288 links to the first, prev, next and last pages.", schema: { type: "string" } },
  "X-Total-Count": { description: "Number of items across all pages.", schema: { type: "integer" } },
};
const IF_NONE_MATCH = { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer: 304 when unchanged.", schema: { type: "string" } };

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const NOT_MODIFIED = { description: "Not modified: the ETag in If-None-Match is current.", headers: CACHE_HEADERS };

function listOperation(operationId: string, summary: string, item: string, filters: unknown[]) {
  return {
    get: {
      operationId,
      summary,
      parameters: [...filters, ...PAGING, IF_NONE_MATCH],
      responses: {
        200: {
          description: "One page of results.",
          headers: LIST_HEADERS,
          content: {
            "application/json": {
              schema: { type: "object", required: ["data", "meta"], properties: { data: { type: "array", items: ref(item) }, meta: ref("PageMeta") } },
            },
          },
        },
        304: NOT_MODIFIED,
        400: errorResponse("A query parameter is not valid."),
      },
    },
  };
}

function getOperation(operationId: string, summary: string, item: string, parameters: unknown[]) {
  return {
    get: {
      operationId,
      summary,
      parameters: [...parameters, IF_NONE_MATCH],
      responses: {
        200: { description: "The item.", headers: CACHE_HEADERS, content: { "application/json": { schema: { type: "object", required: ["data"], properties: { data: ref(item) } } } } },
        304: NOT_MODIFIED,
        404: errorResponse("No such public item."),
      },
    },
  };
}

const coopRef = {
  type: "object",
  required: ["slug", "name_th", "url"],
  properties: { slug: str(), name_th: str(), url: { ...uri, description: "The co-op's own website." } },
};
const provinceRef = { type: "object", required: ["code", "name_th", "name_en"], properties: { code: { type: "integer" }, name_th: str(), name_en: str() } };
const linkRef = { type: "object", required: ["id", "name_th", "url"], properties: { id: str({ format: "uuid" }), name_th: str(), url: uri } };

const articleProperties = {
  id: str({ format: "uuid" }),
  title: str(),
  summary: str(),
  topic: str({ enum: [...KNOWLEDGE_TOPICS] }),
  crops: cropCodes,
  source_kind: str({ enum: ["coop", "centre", "sage", "seminar"] }),
  cover_url: nullable("string", { format: "uri" }),
  published_at: dateTime,
  coop: coopRef,
  url: { ...uri, description: "The article's page on the network site." },
  api_url: uri,
};
const centreProperties = {
  id: str({ format: "uuid" }),
  code: str(),
  name_th: str(),
  name_en: nullable("string"),
  province: provinceRef,
  district_th: str(),
  subdistrict_th: nullable("string"),
  crops: cropCodes,
  model_farmer_name: nullable("string"),
  phone: nullable("string", { description: "The centre's public contact number." }),
  url: uri,
  api_url: uri,
};
const sageProperties = {
  id: str({ format: "uuid" }),
  name_th: str(),
  name_en: nullable("string"),
  title_th: nullable("string"),
  expertise_th: str(),
  province: provinceRef,
  district_th: nullable("string"),
  crops: cropCodes,
  photo_url: nullable("string", { format: "uri" }),
  url: uri,
  api_url: uri,
};

export function openApiDocument(networkOrigin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sahakorn Network open API",
      version: "1.0.0",
      summary: "Read-only public data of the co-op network: shared knowledge, learning centres (ศพก.), farmer sages, seminars.",
      description:
        "No key needed. Every answer carries a strong ETag (send If-None-Match for 304), Cache-Control public, max-age=60 and " +
        "Access-Control-Allow-Origin: *. Lists are paged with page/per_page; totals are in meta and X-Total-Count, page links in Link. " +
        "Errors are {\"error\":{\"code\",\"message\"}}. Only data meant for the public is served: unpublished or unshared articles, " +
        "seminar registrants and sages' phone numbers never are.",
      license: { name: "Credit the co-op that wrote the article and link to its page." },
    },
    servers: [{ url: `${networkOrigin}/api/v1` }],
    paths: {
      "/articles": listOperation("listArticles", "Articles co-ops share with the network, newest first", "Article", [
        param("topic", "Only this topic.", { type: "string", enum: [...KNOWLEDGE_TOPICS] }),
        CROP,
        param("coop", "Only articles of this co-op (its slug).", { type: "string", pattern: "^[a-z0-9-]{1,63}$" }),
      ]),
      "/articles/{coopSlug}/{id}": getOperation("getArticle", "One shared article with its body", "ArticleDetail", [
        pathParam("coopSlug", "The co-op's slug.", { type: "string", pattern: "^[a-z0-9-]{1,63}$" }),
        UUID_PARAM,
      ]),
      "/centres": listOperation("listCentres", "Farm learning centres (ศพก.), by province and district", "Centre", [PROVINCE, CROP]),
      "/centres/{id}": getOperation("getCentre", "One centre with its confirmed co-op links and sages", "CentreDetail", [UUID_PARAM]),
      "/sages": listOperation("listSages", "Farmer sages (ปราชญ์เกษตร)", "Sage", [PROVINCE, CROP]),
      "/sages/{id}": getOperation("getSage", "One sage with their articles", "SageDetail", [UUID_PARAM]),
      "/seminars": listOperation("listSeminars", "Published seminars: upcoming soonest first, or past latest first", "Seminar", [
        param("when", "Upcoming (default) or past seminars.", { type: "string", enum: ["upcoming", "past"], default: "upcoming" }),
      ]),
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This description",
          responses: { 200: { description: "The OpenAPI 3.1 document.", headers: CACHE_HEADERS, content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: str({ enum: ["bad_request", "not_found", "method_not_allowed"] }), message: str({ description: "In Thai or English after Accept-Language." }) },
            },
          },
        },
        PageMeta: {
          type: "object",
          required: ["page", "per_page", "total", "total_pages"],
          properties: { page: { type: "integer" }, per_page: { type: "integer" }, total: { type: "integer" }, total_pages: { type: "integer" } },
        },
        Article: { type: "object", required: Object.keys(articleProperties), properties: articleProperties },
        ArticleDetail: {
          allOf: [
            ref("Article"),
            {
              type: "object",
              required: ["updated_at", "body_html", "base_url", "source", "attachments"],
              properties: {
                updated_at: dateTime,
                body_html: str({ description: "Sanitised HTML; relative links are relative to base_url." }),
                base_url: uri,
                source: {
                  type: "object",
                  required: ["kind", "centre", "sage"],
                  properties: { kind: str({ enum: ["coop", "centre", "sage", "seminar"] }), centre: { oneOf: [linkRef, { type: "null" }] }, sage: { oneOf: [linkRef, { type: "null" }] } },
                },
                attachments: {
                  type: "array",
                  items: { type: "object", required: ["file_name", "byte_size", "url"], properties: { file_name: str(), byte_size: { type: "integer" }, url: uri } },
                },
              },
            },
          ],
        },
        Centre: { type: "object", required: Object.keys(centreProperties), properties: centreProperties },
        CentreDetail: {
          allOf: [
            ref("Centre"),
            {
              type: "object",
              required: ["address", "description_th", "latitude", "longitude", "updated_at", "linked_coops", "sages"],
              properties: {
                address: nullable("string"),
                description_th: nullable("string"),
                latitude: nullable("number"),
                longitude: nullable("number"),
                updated_at: dateTime,
                linked_coops: { type: "array", items: { allOf: [coopRef, { type: "object", properties: { linked_at: dateTime } }] } },
                sages: { type: "array", items: linkRef },
              },
            },
          ],
        },
        Sage: { type: "object", required: Object.keys(sageProperties), properties: sageProperties },
        SageDetail: {
          allOf: [
            ref("Sage"),
            {
              type: "object",
              required: ["bio_th", "centre", "updated_at", "articles"],
              properties: {
                bio_th: nullable("string"),
                centre: { oneOf: [linkRef, { type: "null" }] },
                updated_at: dateTime,
                articles: {
                  type: "array",
                  items: { type: "object", required: ["id", "title", "coop", "url"], properties: { id: str({ format: "uuid" }), title: str(), coop: coopRef, url: uri } },
                },
              },
            },
          ],
        },
        Seminar: {
          type: "object",
          required: ["id", "title", "topic", "crops", "starts_at", "ends_at", "place", "province", "online", "capacity", "seats_left", "status", "speakers", "coop", "url"],
          properties: {
            id: str({ format: "uuid" }),
            title: str(),
            topic: str({ enum: [...KNOWLEDGE_TOPICS] }),
            crops: cropCodes,
            starts_at: dateTime,
            ends_at: dateTime,
            place: nullable("string"),
            province: { oneOf: [provinceRef, { type: "null" }] },
            online: { type: "boolean", description: "Held online; registrants receive the link." },
            capacity: { type: "integer" },
            seats_left: { type: "integer" },
            status: str({ enum: ["published", "cancelled"] }),
            speakers: { type: "array", items: str() },
            coop: coopRef,
            url: { ...uri, description: "The seminar's page, where people register." },
          },
        },
      },
    },
  };
}
