"""Settings from environment variables (or a `.env` file), validated by pydantic-settings.

Every variable and its default is listed in the README. When `NEO4J_URI` is not set, the API
uses the local server that `localdb` manages (see `app.__main__`).
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, PrivateAttr, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# HS256 keys shorter than the hash itself (32 bytes) weaken it.
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    """Process-wide settings; read once with `get_settings()`."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_connection_timeout: float = Field(default=2.0, gt=0)
    neo4j_acquisition_timeout: float = Field(default=3.0, gt=0)
    neo4j_max_pool_size: int = Field(default=50, ge=1)
    neo4j_max_retry_time: float = Field(default=2.0, ge=0)
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    query_timeout: float = Field(default=10.0, gt=0)
    readiness_timeout: float = Field(default=2.0, gt=0)
    default_page_size: int = Field(default=20, ge=1, le=100)
    max_page_size: int = Field(default=100, ge=1, le=100)
    max_node_ids: int = Field(default=100, ge=1, le=1000)
    # Compiled execution (schema/compiled): a query whose every field can be compiled is read
    # with one Cypher statement per root field. Off, every query runs field by field.
    compiled_execution: bool = True
    # Direct answers (schema/compiled/direct.py): a POSTed query that compiles is answered
    # without strawberry's per-request machinery, the same answer. Off, every request goes
    # through strawberry.
    direct_answers: bool = True
    # The most distinct compiled statements a process sends (schema/compiled/executor.py).
    compiled_statements_max: int = Field(default=500, ge=0)
    # Network queries (schema/network): the largest collaboration network answered (beyond it
    # the request is refused, to be narrowed), the most equally short connection paths given,
    # and the most nodes an ego network holds (the nearest first).
    network_max_nodes: int = Field(default=2000, ge=1)
    network_max_edges: int = Field(default=20000, ge=1)
    network_max_paths: int = Field(default=10, ge=1, le=100)
    ego_network_max_nodes: int = Field(default=500, ge=1)
    demo_seed: int = 42
    log_level: str = "INFO"
    # Signing in: access tokens are JWTs signed with `jwt_secret` (HS256); refresh tokens are
    # random strings kept hashed in the graph. See app/tokens.py.
    jwt_secret: SecretStr | None = None
    jwt_issuer: str = "open-innovation-graph"
    jwt_audience: str = "open-innovation-graph"
    access_token_seconds: int = Field(default=15 * 60, ge=60, le=24 * 3600)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    # How long a checked session is trusted before it is read again (app/authentication.py):
    # a revocation is seen at once by the process that made it, within this time by others.
    session_check_seconds: float = Field(default=5.0, ge=0, le=300)
    # Login throttling (app/throttle.py): after this many failures, each less than the window
    # after the previous one, attempts wait a delay that doubles with each failure up to the
    # maximum.
    login_account_failures: int = Field(default=5, ge=1)
    login_client_failures: int = Field(default=20, ge=1)
    login_failure_window_seconds: float = Field(default=15 * 60, gt=0)
    login_first_delay_seconds: float = Field(default=30.0, gt=0)
    login_max_delay_seconds: float = Field(default=15 * 60, gt=0)
    # External OpenID Connect tokens (app/oidc.py): accepted when all three are set.
    oidc_issuer: str | None = None
    oidc_jwks_url: str | None = None
    oidc_audience: str | None = None
    # Documents (app/file_store.py): where their bytes are kept, and the largest file an upload
    # may carry. A multipart request may be this much plus UPLOAD_FORM_ALLOWANCE bytes for the
    # operation itself; a larger one is refused before it is read.
    documents_path: Path = Path(".local/documents")
    upload_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1)
    # EEN profile files (schema/een/): the largest file the import reads (over the API and on
    # the command line), and the most profiles one API request imports, each in a transaction
    # of its own, so that a request stays well within REQUEST_TIMEOUT (the command line takes
    # any number).
    een_import_max_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    een_import_max_profiles: int = Field(default=100, ge=1, le=1000)
    # Collaboration metrics (schema/network/metrics.py): the most organizations a network may
    # have for its metrics to be computed; exact betweenness costs time in proportion to
    # organizations times collaborations, about a second for 400 organizations here.
    metrics_max_organizations: int = Field(default=1000, ge=2)
    # Subscriptions (app/websocket.py, app/event_hub.py): how often a process reads the event
    # log when nothing woke it (a commit of its own or, with REDIS_URL, of another replica
    # wakes it at once), the limits of a WebSocket connection, how many events a subscriber
    # may fall behind before it is disconnected, and how often a connection's access token
    # is checked again (a revoked or expired one ends the connection).
    event_poll_seconds: float = Field(default=2.0, gt=0, le=60)
    subscriptions_per_connection: int = Field(default=20, ge=1, le=1000)
    connections_per_identity: int = Field(default=10, ge=1)
    subscription_queue_limit: int = Field(default=1000, ge=1)
    subscription_check_seconds: float = Field(default=5.0, gt=0, le=300)
    ws_max_message_bytes: int = Field(default=64 * 1024, ge=1024)
    ws_init_timeout_seconds: float = Field(default=10.0, gt=0)
    # Live events (app/event_relay.py): replicas share the news that the event log grew through
    # this Redis, so each reads it at once; None: one process works alone (others would notice
    # the new events only at their next poll of the log).
    redis_url: str | None = None
    # Webhooks (app/webhooks.py): whether this process delivers them (every replica may; a
    # lease keeps each endpoint to one at a time), how many endpoints a person may register,
    # whether their addresses may be private (loopback, private networks: tests and closed
    # installations only), how long a delivery may take, the retry schedule (the first wait,
    # doubling up to the longest), after how many consecutive failures an endpoint is
    # disabled, and how often a process looks for due deliveries when nothing woke it.
    webhook_delivery: bool = True
    webhooks_per_user: int = Field(default=10, ge=0, le=1000)
    webhook_allow_private_addresses: bool = False
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    webhook_retry_base_seconds: float = Field(default=1.0, gt=0)
    webhook_retry_max_seconds: float = Field(default=300.0, gt=0)
    webhook_max_failures: int = Field(default=16, ge=1)
    webhook_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    # Limits (app/limits.py, app/query_limits.py, app/rate_limit.py): what one operation may
    # ask for, measured before it runs (GitHub's node count; depth, fields, aliases and
    # directives counted through fragments; tokens; list arguments), the largest JSON request
    # body, and the points (an operation's cost, at least 1) each signed-in person, or each
    # client address for anonymous requests, may spend per window in this process.
    max_query_nodes: int = Field(default=500_000, ge=1)
    max_query_depth: int = Field(default=20, ge=1, le=100)
    max_query_fields: int = Field(default=500, ge=1)
    max_query_aliases: int = Field(default=30, ge=0)
    # The same field (response name) selected this often at one level: graphql-core compares
    # each pair of them, and their selections, while validating.
    max_query_repeats: int = Field(default=50, ge=1)
    max_query_directives: int = Field(default=50, ge=0)
    max_query_tokens: int = Field(default=5000, ge=100)
    max_list_argument_items: int = Field(default=100, ge=1)
    max_request_bytes: int = Field(default=256 * 1024, ge=1024)
    rate_limit_points: int = Field(default=5000, ge=1)
    rate_limit_anonymous_points: int = Field(default=1000, ge=1)
    rate_limit_window_seconds: float = Field(default=3600.0, gt=0)
    # Operations (app/logs.py, app/metrics.py, app/observability.py): the log format (None:
    # JSON lines in production, text elsewhere), the bearer token /metrics asks for (without
    # one, production does not serve /metrics), and how many distinct operation names the
    # metrics keep apart (later ones are counted together as `(other)`).
    log_format: Literal["json", "text"] | None = None
    metrics_token: SecretStr | None = None
    metrics_max_operations: int = Field(default=200, ge=1, le=10000)
    # Faults (app/db.py): the time an HTTP request may take, its statements included (what is
    # left of it is each statement's Neo4j transaction timeout, at most QUERY_TIMEOUT).
    request_timeout: float = Field(default=10.0, gt=0)
    # Persisted queries (app/persisted_queries.py): how much query text a process keeps for
    # automatic persisted queries (the least recently used goes first), the registered
    # operations (a JSON manifest or a folder of .graphql files), and whether only those run.
    persisted_queries_cache_bytes: int = Field(default=8 * 1024 * 1024, ge=0)
    persisted_queries_path: Path | None = None
    persisted_queries_only: bool = False
    # How long a cache in front of the API may keep the answer of an anonymous GET (a
    # persisted query's): `Cache-Control: public, max-age=`; 0 lets no cache keep it.
    public_cache_seconds: int = Field(default=30, ge=0, le=86400)

    _temporary_secret: bool = PrivateAttr(default=False)

    @model_validator(mode="after")
    def _signing_secret(self) -> Self:
        """Production needs its own strong secret; elsewhere one is made up for this process
        (`python -m app run` keeps one per local data folder, so restarts keep sessions)."""
        if self.jwt_secret is None:
            if self.env == "production":
                raise ValueError("JWT_SECRET must be set in production")
            self.jwt_secret = SecretStr(secrets.token_urlsafe(48))
            self._temporary_secret = True
        elif len(self.jwt_secret.get_secret_value()) < MIN_SECRET_LENGTH:
            raise ValueError(f"JWT_SECRET must be at least {MIN_SECRET_LENGTH} characters")
        return self

    @model_validator(mode="after")
    def _registered_operations(self) -> Self:
        """Accepting only registered operations needs a list of them."""
        if self.persisted_queries_only and self.persisted_queries_path is None:
            raise ValueError("PERSISTED_QUERIES_ONLY needs PERSISTED_QUERIES_PATH")
        return self

    @property
    def oidc_enabled(self) -> bool:
        """Whether bearer tokens of an external OpenID Connect issuer are accepted."""
        return bool(self.oidc_issuer and self.oidc_jwks_url and self.oidc_audience)

    @property
    def temporary_signing_key(self) -> bool:
        """Whether the signing key was made up for this process (JWT_SECRET unset)."""
        return self._temporary_secret

    @property
    def signing_key(self) -> str:
        """The secret that signs and checks this API's access tokens."""
        assert self.jwt_secret is not None  # set by the validator
        return self.jwt_secret.get_secret_value()

    @property
    def json_logs(self) -> bool:
        """Whether log lines are JSON objects (LOG_FORMAT, by default only in production)."""
        return (self.log_format or ("json" if self.env == "production" else "text")) == "json"

    @property
    def query_stats_enabled(self) -> bool:
        """Whether responses carry `extensions.cypher` (round trips), outside production only."""
        return self.env != "production"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read from the environment on first use."""
    return Settings()
