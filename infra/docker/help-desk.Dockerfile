# The help desk service on its own (distributed mode: Kafka + MongoDB).
# Build from the repository root (the build context is the whole monorepo):
#   docker build -f infra/docker/help-desk.Dockerfile -t sfp/help-desk .
# or through docker-compose.yml: docker compose --profile services up -d --build
#
# It runs the TypeScript sources as `npm run start:help-desk` does (ts-node in
# transpile-only mode, tsconfig paths for the @sfp/* libraries), so the image
# needs the dev dependencies (ts-node, tsconfig-paths, typescript): `npm ci`
# installs them all.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# A compiler in case a native module (better-sqlite3) has no prebuilt binary for
# this platform; it stays in this stage, not in the final image.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV HOST=0.0.0.0 \
    PORT=3001 \
    TS_NODE_PROJECT=tsconfig.base.json
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.base.json ./
COPY libs ./libs
COPY services/help-desk/src ./services/help-desk/src
USER node
EXPOSE 3001
# Required at run time: KAFKA_BROKERS, MONGODB_URI, SFP_PSEUDONYM_SECRET (>= 32 characters,
# the same in every service). Optional: MONGODB_DATABASE (sfp_help_desk), LOG_LEVEL,
# KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_CLIENT_ID, SLA_CHECK_INTERVAL_MS.
# node is PID 1 (not npm), so SIGTERM reaches the service and it stops cleanly.
CMD ["node", "-r", "ts-node/register/transpile-only", "-r", "tsconfig-paths/register", "services/help-desk/src/main.ts"]
