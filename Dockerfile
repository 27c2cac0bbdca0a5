# TrustGraph viewer (src/TrustGraph.Web), with the trustgraph CLI beside it for loading data into Neo4j.
# Build:  docker build -t trustgraph .      Run: see docker-compose.yml.

# --- build: the .NET SDK alone (the diagrams are laid out and drawn in .NET) ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused while only code changes.
COPY Directory.Build.props TrustGraph.sln ./
COPY src/TrustGraph.Core/TrustGraph.Core.csproj src/TrustGraph.Core/
COPY src/TrustGraph.Neo4j/TrustGraph.Neo4j.csproj src/TrustGraph.Neo4j/
COPY src/TrustGraph.Reports.Web/TrustGraph.Reports.Web.csproj src/TrustGraph.Reports.Web/
COPY src/TrustGraph.Web/TrustGraph.Web.csproj src/TrustGraph.Web/
COPY src/TrustGraph.Cli/TrustGraph.Cli.csproj src/TrustGraph.Cli/
RUN dotnet restore src/TrustGraph.Web/TrustGraph.Web.csproj \
 && dotnet restore src/TrustGraph.Cli/TrustGraph.Cli.csproj
# data/ is needed at build time too: the relevant-partner list is embedded from data/guidance/.
COPY data/ data/
COPY src/ src/
RUN dotnet publish src/TrustGraph.Web/TrustGraph.Web.csproj -c Release -o /out/web --no-restore \
 && dotnet publish src/TrustGraph.Cli/TrustGraph.Cli.csproj -c Release -o /out/cli --no-restore

# --- runtime: ASP.NET Core only, running as the image's non-root user ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/web ./
COPY --from=build /out/cli ./cli/
COPY --from=build /src/data ./data/
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    TRUSTGRAPH_DATA=/app/data \
    TrustGraph__DataPath=/app/data
EXPOSE 8080
# APP_UID is the non-root "app" user the .NET images define.
USER $APP_UID
ENTRYPOINT ["dotnet", "TrustGraph.Web.dll"]
