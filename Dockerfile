# syntax=docker/dockerfile:1.7
# The whole platform in one image: the API server with both server-rendered web apps.
# Build: docker build -t sahakorn/app .   Run: see infra/compose/compose.yaml and docs/operations.md.

# ---- dependencies (cached until a package.json or the lockfile changes) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/network/package.json apps/network/
COPY apps/storefront/package.json apps/storefront/
COPY packages/config/package.json packages/config/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/i18n/package.json packages/i18n/
COPY packages/search/package.json packages/search/
COPY packages/trpc/package.json packages/trpc/
COPY packages/ui/package.json packages/ui/
COPY infra/package.json infra/
RUN npm ci --no-audit --no-fund

# ---- build the two web apps ----
FROM deps AS build
COPY . .
RUN npx turbo run build --filter=./apps/* --output-logs=errors-only

# ---- runtime: no compilers, no root ----
FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    TRUST_PROXY=true
WORKDIR /app
# The server runs TypeScript through tsx (ADR 004), so the workspace ships as built, with its modules.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
