# paperbot in a container, with the steps .ci/run proves: `npm ci` from the lock file on the Node major CI runs
# (package.json "engines"). Build with `docker build -t paperbot .`; run with compose.yaml. docs/operations.md
# says more.

# Installs the packages. better-sqlite3 compiles from source when no prebuilt binary matches the platform, which
# needs python3, make and g++; they stay in this stage.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# tsx, which runs the TypeScript sources, is a runtime dependency: the test and type-check tools stay out.
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/paperbot \
    DATABASE_PATH=/var/lib/paperbot/paperbot.sqlite \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
COPY data/hf-daily-papers-mar13.txt ./data/
# The saved index and the database live in the volume, apart from the shipped corpus in the image, so that a
# bind mount cannot hide the corpus and an upgraded image brings its own.
RUN mkdir -p /var/lib/paperbot && chown node:node /var/lib/paperbot
VOLUME /var/lib/paperbot
# The official image's unprivileged user (uid 1000).
USER node
EXPOSE 8080
# 200 from /healthz: the index loaded and every configured platform connected. A first start may build the index
# and wait for Slack for a few minutes before it is healthy.
HEALTHCHECK --interval=30s --timeout=10s --start-period=5m --retries=3 \
  CMD ["node", "--import", "tsx", "adapters/ops/healthcheck.ts"]
# Node itself, not npm, so that SIGTERM reaches the bot, which then finishes its replies and closes the database.
CMD ["node", "--import", "tsx", "adapters/main.ts"]
