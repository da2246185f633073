# syntax=docker/dockerfile:1
# Two stages: `build` installs exactly the lockfile and drops the dev dependencies; `runtime`
# gets that tree and nothing else, and runs as the unprivileged `node` user. The service runs
# dist/, its TypeScript transpiled by `npm run build` (esbuild, a production dependency).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Sources, migrations, the bundled dataset and contract (GraphiQL's examples); see .dockerignore.
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
# The code stays root-owned and read-only to the service; only the embedded database's folder
# (used when DATABASE_URL is unset) belongs to it.
COPY --from=build /app /app
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# Liveness: Yoga's /health answers without touching the database (readiness is /ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM: it drains in-flight requests, then exits 0.
CMD ["node", "--max-old-space-size=384", "--enable-source-maps", "dist/server.js"]
