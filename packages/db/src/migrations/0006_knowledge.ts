import { type Kysely, sql } from "kysely";

// Frozen: the knowledge network — articles written by co-ops, the ศพก. (farm learning centre)
// and farmer-sage directory, co-op ↔ centre links and joint meetings, seminars with
// registrations, and one search index over everything public. Imports no app code.

const tenantOwned = (table: string) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant_isolation ON ${table}
     USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO coop_app`,
];

/** A second, read-only policy: rows matching `predicate` are visible to everyone (the network). */
const publicRead = (table: string, predicate: string) =>
  `CREATE POLICY network_read ON ${table} FOR SELECT USING (${predicate})`;

const TOPICS = `'production','processing','marketing','management','technology'`;

const up_statements = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,

  // ---- Reference: the crops/products articles, centres and co-ops are tagged with ----
  `CREATE TABLE crops (
     code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,40}$'),
     name_th text NOT NULL,
     name_en text NOT NULL,
     position integer NOT NULL DEFAULT 0
   )`,
  `GRANT SELECT ON crops TO coop_app`,
  `ALTER TABLE tenants ADD COLUMN crops text[] NOT NULL DEFAULT '{}'`,

  // ---- Directory (platform tables, shared by every co-op; written by staff) ----
  `CREATE TABLE learning_centres (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
     name_th text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
     name_en text CHECK (length(name_en) <= 200),
     province_code smallint NOT NULL REFERENCES provinces(code),
     district_th text NOT NULL CHECK (length(district_th) BETWEEN 1 AND 100),
     subdistrict_th text CHECK (length(subdistrict_th) <= 100),
     main_crops text[] NOT NULL DEFAULT '{}',
     model_farmer_name text CHECK (length(model_farmer_name) <= 200),
     phone text CHECK (length(phone) <= 30),
     address text CHECK (length(address) <= 500),
     description_th text CHECK (length(description_th) <= 5000),
     latitude double precision CHECK (latitude BETWEEN -90 AND 90),
     longitude double precision CHECK (longitude BETWEEN -180 AND 180),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX learning_centres_province_idx ON learning_centres (province_code)`,
  `CREATE TABLE sages (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     name_th text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
     name_en text CHECK (length(name_en) <= 200),
     title_th text CHECK (length(title_th) <= 200),
     expertise_th text NOT NULL CHECK (length(expertise_th) BETWEEN 1 AND 500),
     bio_th text CHECK (length(bio_th) <= 10000),
     province_code smallint NOT NULL REFERENCES provinces(code),
     district_th text CHECK (length(district_th) <= 100),
     crops text[] NOT NULL DEFAULT '{}',
     topics text[] NOT NULL DEFAULT '{}',
     photo_key text,
     phone text CHECK (length(phone) <= 30),
     centre_id uuid REFERENCES learning_centres(id) ON DELETE SET NULL,
     added_by_tenant_id uuid REFERENCES tenants(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX sages_province_idx ON sages (province_code)`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON learning_centres, sages TO coop_app`,

  // ---- Co-op ↔ centre links and the meetings held under them (tenant-owned) ----
  `CREATE TABLE centre_links (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     centre_id uuid NOT NULL REFERENCES learning_centres(id) ON DELETE CASCADE,
     status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','confirmed','declined')),
     note text CHECK (length(note) <= 1000),
     proposed_by uuid REFERENCES users(id),
     proposed_at timestamptz NOT NULL DEFAULT now(),
     decided_by uuid REFERENCES users(id),
     decided_at timestamptz,
     PRIMARY KEY (tenant_id, centre_id)
   )`,
  `CREATE INDEX centre_links_centre_idx ON centre_links (centre_id, status)`,
  ...tenantOwned("centre_links"),
  publicRead("centre_links", "status = 'confirmed'"),
  `CREATE TABLE joint_meetings (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     centre_id uuid NOT NULL REFERENCES learning_centres(id) ON DELETE CASCADE,
     held_on date NOT NULL,
     place text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
     attendees text NOT NULL CHECK (length(attendees) BETWEEN 1 AND 2000),
     attendee_count integer CHECK (attendee_count >= 0),
     minutes text CHECK (length(minutes) <= 20000),
     outcomes text CHECK (length(outcomes) <= 5000),
     recorded_by uuid REFERENCES users(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id)
   )`,
  `CREATE INDEX joint_meetings_centre_idx ON joint_meetings (centre_id, held_on DESC)`,
  ...tenantOwned("joint_meetings"),
  publicRead("joint_meetings", "true"),

  // ---- Knowledge articles (tenant-owned; published + shared ones are readable network-wide) ----
  `CREATE TABLE articles (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
     summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 500),
     body_md text NOT NULL DEFAULT '' CHECK (length(body_md) <= 100000),
     body_html text NOT NULL DEFAULT '',
     cover_key text,
     topic text NOT NULL CHECK (topic IN (${TOPICS})),
     crops text[] NOT NULL DEFAULT '{}',
     source_kind text NOT NULL DEFAULT 'coop' CHECK (source_kind IN ('coop','centre','sage','seminar')),
     source_centre_id uuid REFERENCES learning_centres(id) ON DELETE SET NULL,
     source_sage_id uuid REFERENCES sages(id) ON DELETE SET NULL,
     source_seminar_id uuid,
     status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
     shared boolean NOT NULL DEFAULT false,
     author_user_id uuid REFERENCES users(id),
     published_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     CHECK (status = 'draft' OR published_at IS NOT NULL)
   )`,
  `CREATE INDEX articles_tenant_published_idx ON articles (tenant_id, status, published_at DESC)`,
  `CREATE INDEX articles_network_idx ON articles (published_at DESC) WHERE status = 'published' AND shared`,
  `CREATE INDEX articles_sage_idx ON articles (source_sage_id) WHERE source_sage_id IS NOT NULL`,
  ...tenantOwned("articles"),
  publicRead("articles", "status = 'published' AND shared"),
  // Images and PDFs uploaded for an article (inline images, attachments). article_id is NULL
  // between upload and the first save of a new article.
  `CREATE TABLE article_files (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     article_id uuid,
     kind text NOT NULL CHECK (kind IN ('image','pdf')),
     storage_key text NOT NULL,
     file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
     byte_size integer NOT NULL CHECK (byte_size > 0),
     width integer CHECK (width > 0),
     height integer CHECK (height > 0),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, article_id) REFERENCES articles (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX article_files_article_idx ON article_files (tenant_id, article_id)`,
  ...tenantOwned("article_files"),
  publicRead(
    "article_files",
    `EXISTS (SELECT 1 FROM articles a WHERE a.tenant_id = article_files.tenant_id
       AND a.id = article_files.article_id AND a.status = 'published' AND a.shared)`,
  ),

  // ---- Seminars (เสวนา), hosted by a co-op (staff schedule them on a co-op's behalf) ----
  `CREATE TABLE seminars (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
     description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
     topic text NOT NULL CHECK (topic IN (${TOPICS})),
     crops text[] NOT NULL DEFAULT '{}',
     starts_at timestamptz NOT NULL,
     ends_at timestamptz NOT NULL,
     place text CHECK (length(place) <= 300),
     province_code smallint REFERENCES provinces(code),
     online_url text CHECK (length(online_url) <= 500),
     capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
     registered_count integer NOT NULL DEFAULT 0,
     status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','cancelled')),
     created_by uuid REFERENCES users(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     CHECK (ends_at >= starts_at),
     CHECK (registered_count BETWEEN 0 AND capacity),
     CHECK (place IS NOT NULL OR online_url IS NOT NULL)
   )`,
  `CREATE INDEX seminars_upcoming_idx ON seminars (starts_at) WHERE status = 'published'`,
  ...tenantOwned("seminars"),
  publicRead("seminars", "status <> 'draft'"),
  `CREATE TABLE seminar_speakers (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     seminar_id uuid NOT NULL,
     sage_id uuid NOT NULL REFERENCES sages(id) ON DELETE CASCADE,
     position integer NOT NULL DEFAULT 0,
     PRIMARY KEY (tenant_id, seminar_id, sage_id),
     FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminars (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX seminar_speakers_sage_idx ON seminar_speakers (sage_id)`,
  ...tenantOwned("seminar_speakers"),
  publicRead(
    "seminar_speakers",
    `EXISTS (SELECT 1 FROM seminars s WHERE s.tenant_id = seminar_speakers.tenant_id
       AND s.id = seminar_speakers.seminar_id AND s.status <> 'draft')`,
  ),
  `CREATE TABLE seminar_registrations (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     seminar_id uuid NOT NULL,
     name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
     phone text NOT NULL CHECK (length(phone) BETWEEN 9 AND 20),
     interest text CHECK (length(interest) <= 500),
     cancel_token_hash text NOT NULL,
     status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','cancelled')),
     created_at timestamptz NOT NULL DEFAULT now(),
     cancelled_at timestamptz,
     PRIMARY KEY (tenant_id, id),
     UNIQUE (tenant_id, cancel_token_hash),
     FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminars (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX seminar_registrations_seminar_idx ON seminar_registrations (tenant_id, seminar_id, created_at)`,
  // One live registration per phone number and seminar.
  `CREATE UNIQUE INDEX seminar_registrations_phone_key ON seminar_registrations (tenant_id, seminar_id, phone)
     WHERE status = 'registered'`,
  ...tenantOwned("seminar_registrations"),
  // What a seminar produced: an article, a video link, slides (a PDF) — shown on its page.
  `CREATE TABLE seminar_harvest (
     tenant_id uuid NOT NULL REFERENCES tenants(id),
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     seminar_id uuid NOT NULL,
     kind text NOT NULL CHECK (kind IN ('article','video','slides','link')),
     title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
     article_id uuid,
     url text CHECK (length(url) <= 500),
     storage_key text,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (tenant_id, id),
     FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminars (tenant_id, id) ON DELETE CASCADE,
     FOREIGN KEY (tenant_id, article_id) REFERENCES articles (tenant_id, id) ON DELETE CASCADE
   )`,
  `CREATE INDEX seminar_harvest_seminar_idx ON seminar_harvest (tenant_id, seminar_id)`,
  ...tenantOwned("seminar_harvest"),
  publicRead(
    "seminar_harvest",
    `EXISTS (SELECT 1 FROM seminars s WHERE s.tenant_id = seminar_harvest.tenant_id
       AND s.id = seminar_harvest.seminar_id AND s.status <> 'draft')`,
  ),

  // ---- One search index over what the public may find ----
  // Rows are written by the same transaction that changes the thing they describe. A co-op's
  // own rows (owner_tenant_id = the co-op) are visible to it; rows with network_visible are visible
  // to everyone; directory rows (centres, sages) have no tenant.
  `CREATE TABLE search_documents (
     kind text NOT NULL CHECK (kind IN ('article','sage','centre','seminar','product')),
     ref_id uuid NOT NULL,
     owner_tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
     network_visible boolean NOT NULL DEFAULT false,
     title text NOT NULL,
     summary text NOT NULL DEFAULT '',
     body text NOT NULL DEFAULT '',
     title_tokens text NOT NULL DEFAULT '',
     tsv tsvector NOT NULL,
     topic text,
     crops text[] NOT NULL DEFAULT '{}',
     province_code smallint REFERENCES provinces(code),
     image_key text,
     published_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (kind, ref_id)
   )`,
  `CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv)`,
  `CREATE INDEX search_documents_trgm_idx ON search_documents USING gin (title_tokens gin_trgm_ops)`,
  `CREATE INDEX search_documents_owner_idx ON search_documents (owner_tenant_id, kind, published_at DESC)`,
  `CREATE INDEX search_documents_network_idx ON search_documents (published_at DESC) WHERE network_visible`,
  `CREATE INDEX search_documents_crops_idx ON search_documents USING gin (crops)`,
  `ALTER TABLE search_documents ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE search_documents FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY search_read ON search_documents FOR SELECT
     USING (network_visible OR owner_tenant_id = app_current_tenant())`,
  `CREATE POLICY search_write ON search_documents
     USING (owner_tenant_id IS NOT DISTINCT FROM app_current_tenant())
     WITH CHECK (owner_tenant_id IS NOT DISTINCT FROM app_current_tenant())`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON search_documents TO coop_app`,
];

const down_statements = [
  `DROP TABLE search_documents`,
  `DROP TABLE seminar_harvest`,
  `DROP TABLE seminar_registrations`,
  `DROP TABLE seminar_speakers`,
  `DROP TABLE seminars`,
  `DROP TABLE article_files`,
  `DROP TABLE articles`,
  `DROP TABLE joint_meetings`,
  `DROP TABLE centre_links`,
  `DROP TABLE sages`,
  `DROP TABLE learning_centres`,
  `ALTER TABLE tenants DROP COLUMN crops`,
  `DROP TABLE crops`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
