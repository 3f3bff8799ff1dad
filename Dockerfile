# Open Innovation Graph API: GraphQL over Neo4j, served by uvicorn on port 8000.
#
#   docker build -t open-innovation-graph .
#   docker run --rm -p 127.0.0.1:8000:8000 \
#     -e NEO4J_URI=bolt://NEO4J_HOST:7687 -e NEO4J_PASSWORD=... open-innovation-graph
#
# The image runs from the source tree: Cypher statements (cypher/) and the taxonomies
# (seeds/taxonomy/) are read from it at run time, so the project is installed in editable mode.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    ENV=production \
    API_HOST=0.0.0.0 \
    API_PORT=8000

WORKDIR /srv/app

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /srv/app --no-create-home \
        --shell /usr/sbin/nologin app

COPY pyproject.toml constraints.txt README.md ./
COPY app/ app/
COPY schema/ schema/
COPY cypher/ cypher/
COPY seeds/ seeds/
COPY localdb/ localdb/

RUN pip install --no-cache-dir -c constraints.txt -e .

USER app

EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

# Apply pending migrations, then serve; `exec` lets uvicorn receive SIGTERM directly. uvicorn
# closes a WebSocket message over WS_MAX_MESSAGE_BYTES (the setting, 65536 unless set) unread.
CMD ["sh", "-c", "python -m app migrate && exec uvicorn app.main:app --host 0.0.0.0 --port 8000 --ws-max-size \"${WS_MAX_MESSAGE_BYTES:-65536}\" --ws-per-message-deflate false"]
