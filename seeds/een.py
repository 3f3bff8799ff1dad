"""Import POD profile files as EEN proposals, or export the proposals marked for EEN.

    python -m seeds.een import FILE...  |  python -m seeds.een export FILE

    python -m seeds.een import pod-2024-05.xml pod-2024-06.xml
    python -m seeds.een export een-profiles.xml      # '-' writes to standard output

Connects with the API's settings (NEO4J_URI, ...; DOCUMENTS_PATH for the profiles' XML kept as
documents), applies pending migrations and upserts the taxonomies first (S3 areas,
competences, EEN keywords: keywords link to competences even in an empty database). Each
profile is its own transaction, shown by the progress bar on stderr; then a line per profile
that was rejected, has keywords the mapping does not cover, or changed something, and the
counts per file. Files larger than EEN_IMPORT_MAX_BYTES (or `--max-bytes`) are refused.
Exits with 1 when a file was refused or a profile rejected, else 0.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from pathlib import Path

from app import migrations
from app.context import Context
from app.db import Database, begin_stats, connect
from app.file_store import FileStore
from app.settings import Settings, get_settings
from schema.een.export import disseminated, profiles_xml
from schema.een.importer import ANYONE, Progress, Report, import_entries
from schema.een.profiles import FileRefused, read_file
from seeds.load import taxonomy_statements, write_all
from seeds.progress import ProgressBar
from seeds.taxonomy import Taxonomy


def report_line(name: str, report: Report) -> str | None:
    """The line a profile's report prints, None for an unchanged profile the mapping covers."""
    reasons = "; ".join(f"{r.code}: {r.message}" for r in report.rejections)
    unmapped = f" (unmapped: {', '.join(report.unmapped)})" if report.unmapped else ""
    if report.result == "UNCHANGED" and not unmapped:
        return None
    return (f"{name} #{report.index} {report.reference or '-'}: {report.result}"
            f"{' ' + reasons if reasons else ''}{unmapped}")


def _read(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refused unread when it is larger than `max_bytes`."""
    if path.stat().st_size > max_bytes:
        raise FileRefused("TOO_LARGE", f"larger than {max_bytes} bytes")
    return path.read_bytes()


def _progress(label: str) -> Progress:
    bar = ProgressBar(sys.stderr)
    return lambda done, total: bar(label, done, total)


async def import_files(db: Database, settings: Settings, paths: list[Path], max_bytes: int,
                       quiet: bool = False) -> bool:
    """Import each file; whether every file was read and every profile imported."""
    context = Context(db=db, settings=settings, stats=begin_stats(),
                      files=FileStore(settings.documents_path))
    clean = True
    for path in paths:
        try:
            entries = read_file(await asyncio.to_thread(_read, path, max_bytes), max_bytes)
        except (FileRefused, OSError) as refused:
            print(f"{path}: refused: {refused}")
            clean = False
            continue
        reports = await import_entries(context, entries, ANYONE,
                                       None if quiet else _progress(path.name))
        for report in reports:
            line = report_line(path.name, report)
            if line:
                print(line)
        counts = Counter(report.result for report in reports)
        print(f"{path}: " + ", ".join(f"{counts[result]} {result.lower()}" for result in
                                      ("CREATED", "UPDATED", "CLOSED", "UNCHANGED", "REJECTED")))
        clean = clean and not counts["REJECTED"]
    return clean


async def import_command(db: Database, settings: Settings, paths: list[Path], max_bytes: int,
                         quiet: bool = False) -> bool:
    """What `import` does on a connected database: pending migrations, the taxonomies (so
    that keywords link to competences even in an empty database), then each file."""
    await migrations.apply(db)
    await write_all(db, taxonomy_statements(Taxonomy.load()))
    return await import_files(db, settings, paths, max_bytes, quiet)


async def export_file(db: Database, target: str) -> int:
    """Write the export to `target` ('-': standard output); how many profiles it holds."""
    rows = await disseminated(db)
    data = profiles_xml(rows)
    if target == "-":
        sys.stdout.buffer.write(data)
    else:
        await asyncio.to_thread(Path(target).write_bytes, data)
    return len(rows)


async def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    if not settings.neo4j_uri:
        raise SystemExit("NEO4J_URI is not set")
    async with connect(settings) as db:
        if args.command == "export":
            await migrations.apply(db)
            count = await export_file(db, args.file)
            print(f"Exported {count} profiles", file=sys.stderr)
            return 0
        clean = await import_command(db, settings, [Path(p) for p in args.files],
                                     args.max_bytes or settings.een_import_max_bytes, args.quiet)
        return 0 if clean else 1


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m seeds.een",
                                     description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import POD profile files")
    importing.add_argument("files", nargs="+", metavar="FILE")
    importing.add_argument("--max-bytes", type=int, default=None,
                           help="the largest file read (default EEN_IMPORT_MAX_BYTES)")
    importing.add_argument("--quiet", action="store_true", help="no progress bar")
    exporting = commands.add_parser("export", help="export the disseminated proposals")
    exporting.add_argument("file", metavar="FILE", help="where to write ('-': stdout)")
    raise SystemExit(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
