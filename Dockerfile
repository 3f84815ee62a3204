# Trygg's web host (and the trygg command beside it) in one image.
#   docker build -t trygg .
#   docker run -p 8080:8080 -v trygg-data:/app/data \
#     -e Database__Provider=Postgres -e ConnectionStrings__Trygg="Host=db;Database=trygg;Username=trygg;Password=…" trygg
# See docs/PRODUCTION.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build restores the map's front-end packages from npm (package-lock.json), so it needs Node.js.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig Trygg.slnx ./
COPY src/ src/
RUN dotnet publish src/Trygg.Web -c Release -o /out/web \
    && dotnet publish src/Trygg.Cli -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# pg_dump/pg_restore for `trygg backup` and `trygg restore` against PostgreSQL.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/web ./
COPY --from=build /out/cli ./cli/
RUN mkdir -p /app/data/keys && chown -R "$APP_UID" /app/data \
    && printf '#!/bin/sh\nexec dotnet /app/cli/trygg.dll "$@"\n' > /usr/local/bin/trygg && chmod +x /usr/local/bin/trygg

# The image's unprivileged user (uid 1654); /app/data is the only folder it writes: the SQLite file, data-protection keys.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Logging__Console__FormatterName=json \
    Trygg__LoadDemoData=false \
    DataProtection__KeysPath=/app/data/keys \
    Database__Provider=Postgres
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Trygg.Web.dll"]
