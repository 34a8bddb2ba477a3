"""What the benchmarks share: a database of their own and production settings."""

import subprocess


def prepare_database(kind, workdir, name="lckzm_bench"):
    """A fresh database for a benchmark: a SQLite file in ``workdir``, or ``name`` dropped
    and created again on the local PostgreSQL; returns its DATABASE_URL."""
    if kind == "sqlite":
        return f"sqlite:///{workdir / (name + '.sqlite3')}"
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql],
            check=True,
        )
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def production_env(workdir, allowed_hosts):
    """Environment variables for production settings (DEBUG off), as on the servers: a
    bench-only secret key, ``allowed_hosts``, media files in ``workdir``."""
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": allowed_hosts,
        "MEDIA_ROOT": str(workdir / "media"),
    }
