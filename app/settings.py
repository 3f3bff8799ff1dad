"""Settings from environment variables (or a `.env` file), validated by pydantic-settings.

Every variable and its default is listed in the README. When `NEO4J_URI` is not set, the API
uses the local server that `localdb` manages (see `app.__main__`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Process-wide settings; read once with `get_settings()`."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_connection_timeout: float = Field(default=5.0, gt=0)
    neo4j_acquisition_timeout: float = Field(default=10.0, gt=0)
    neo4j_max_pool_size: int = Field(default=50, ge=1)
    neo4j_max_retry_time: float = Field(default=5.0, ge=0)
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    query_timeout: float = Field(default=10.0, gt=0)
    readiness_timeout: float = Field(default=2.0, gt=0)
    default_page_size: int = Field(default=20, ge=1, le=100)
    max_page_size: int = Field(default=100, ge=1, le=100)
    max_node_ids: int = Field(default=100, ge=1, le=1000)
    demo_seed: int = 42
    log_level: str = "INFO"

    @property
    def query_stats_enabled(self) -> bool:
        """Whether responses carry `extensions.cypher` (round trips), outside production only."""
        return self.env != "production"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read from the environment on first use."""
    return Settings()
