#!/usr/bin/env bash
# The test command: every test project, then a check that docker-compose.yml is valid for the default and
# the "cluster" profile (`config` only parses and resolves the file; no Docker engine is needed).
set -euo pipefail
cd "$(dirname "$0")"

# Normal verbosity lists every test and, for a skipped one, its reason (the real-Qdrant suite says what to set).
dotnet test QaBot.sln --logger "console;verbosity=normal"

compose=()
if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian's docker-compose to validate docker-compose.yml"
    (apt-get install -y docker-compose >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y docker-compose >/dev/null 2>&1; }) || true
    command -v docker-compose >/dev/null 2>&1 && compose=(docker-compose)
fi

if [ ${#compose[@]} -eq 0 ]; then
    echo "test.sh: SKIPPED the docker-compose.yml check: neither 'docker compose' nor 'docker-compose' is available, and it could not be installed."
    exit 0
fi

# The file requires QDRANT_API_KEY; any value does for validation.
export QDRANT_API_KEY="${QDRANT_API_KEY:-compose-validation-only}"
"${compose[@]}" config --quiet
"${compose[@]}" --profile cluster config --quiet
echo "test.sh: docker-compose.yml is valid (default and cluster profile, checked with ${compose[*]})"
