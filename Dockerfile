# QaBot's `qabot` program in a container (used by docker-compose.yml for the ingest job and the bot).
# Build stage: restore and publish with the .NET 10 SDK; run stage: the .NET runtime only.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/QaBot.Cli/QaBot.Cli.csproj --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
# The articles are mounted at /corpus; the embedded index (when used) lives in /data.
ENV QABOT__Corpus__Path=/corpus \
    QABOT__Data__Path=/data
# /data must belong to the user the program runs as: the index and pulled models live there (and the feedback
# file, unless DiscordBot:FeedbackFile points elsewhere: compose puts it in /feedback, as the bot mounts /data read-only).
RUN mkdir -p /data /feedback && chown app /data /feedback
USER app
ENTRYPOINT ["dotnet", "/app/qabot.dll"]
CMD ["--help"]
