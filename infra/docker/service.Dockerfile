# syntax=docker/dockerfile:1
# One image per service, all from this template (docker-compose.yml builds each
# with its SERVICE and PORT). Build from the repository root:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=help-desk --build-arg PORT=3001 -t sfp-platform/help-desk .
# SERVICE: help-desk, knowledge-base, training, innovation-research,
# quality-monitoring, reporting, or console-gateway (the console and one origin
# for every service's API).
#
# Stage 1 compiles the service (scripts/build/build-service.mjs: tsc, the @sfp/*
# imports made relative, a package.json and package-lock.json with only the
# packages the compiled code requires) and installs those packages with
# `npm ci --omit=dev`. Stage 2 is the compiled JavaScript and those packages,
# run by `node main.js` as the unprivileged user `node`: no TypeScript, no
# ts-node, no dev dependencies, no compiler.
#
# Only the npm registry is needed: both installs come from package-lock.json,
# and better-sqlite3 compiles against this image's own Node headers when its
# prebuilt binary cannot be downloaded (npm_config_nodedir).

# The Node version of every image; the compose check (infra/docker/test)
# holds it to package.json's engines and the @types/node major.
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /repo
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false
# Every dependency, for tsc (and Vite for the console); no install scripts, so
# nothing native is compiled here (the service's own install below does that).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.base.json ./
COPY scripts/build ./scripts/build
COPY libs ./libs
COPY services ./services
ARG SERVICE
RUN test -n "$SERVICE" || { echo 'build with --build-arg SERVICE=<service>' >&2; exit 1; }
RUN node scripts/build/build-service.mjs "$SERVICE" --out /out
WORKDIR /out
RUN npm ci --omit=dev && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
ARG SERVICE
ARG PORT=3000
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=${PORT}
WORKDIR /app
# Owned by root and read-only to the service: the code cannot be changed by the process running it.
COPY --from=build /out ./
USER node
EXPOSE ${PORT}
LABEL org.opencontainers.image.title="sfp-platform/${SERVICE}"
# Ready = the service's own readiness (MongoDB and Kafka answer); for the
# console gateway, the readiness of the service answering the shared routes.
# The slim image has no curl: Node's fetch does it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1, so `docker stop` (SIGTERM) reaches the service and it stops cleanly.
CMD ["node", "main.js"]
