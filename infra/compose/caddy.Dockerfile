# Caddy with a DNS provider module, needed for the wildcard certificate (*.ROOT_DOMAIN) through
# the ACME DNS challenge. Swap the module for your DNS host (https://caddyserver.com/docs/modules/).
FROM caddy:2.10-builder AS builder
RUN xcaddy build --with github.com/caddy-dns/cloudflare

FROM caddy:2.10
COPY --from=builder /usr/bin/caddy /usr/bin/caddy
