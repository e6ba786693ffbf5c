# One image for api, worker and web; docker-compose.yml picks the command.
# The build steps are the README's: npm ci, then the Nx build.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api worker web

FROM node:20.19-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY tools/web-server ./tools/web-server
USER node
EXPOSE 3000 4200
CMD ["node", "dist/apps/api/main.js"]
