"""published_version: which version of a recommendation was published

Readers other than its author and admins see a recommendation's history from the text that
was published. That was found by comparing the versions' times with `published_at`, which
an import moves back to its session's date while the versions keep the file's times: no
version was older, and every draft text was shown. The version is now recorded when it is
published. Existing rows written here get the last version saved by the time of publishing,
or their first when none is older (published with it, saved a moment later); an imported
one gets its current text (its publication was dated at its session, so its versions'
times say nothing of it), so no draft shows.

Revision ID: 0038_published_version
Revises: 0037_notification_practices
Create Date: 2026-12-06 15:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0038_published_version"
down_revision = "0037_notification_practices"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("recommendations") as batch:
        batch.add_column(sa.Column("published_version", sa.Integer(), nullable=True))
    _backfill(op.get_bind())


def _backfill(bind) -> None:
    recommendations = sa.table(
        "recommendations",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("version", sa.Integer),
        sa.column("published_at", sa.DateTime),
        sa.column("import_hash", sa.String),
        sa.column("published_version", sa.Integer),
    )
    versions = sa.table(
        "recommendation_versions",
        sa.column("recommendation_id", sa.Integer),
        sa.column("version", sa.Integer),
        sa.column("created_at", sa.DateTime),
    )
    older = (
        sa.select(sa.func.max(versions.c.version))
        .where(
            versions.c.recommendation_id == recommendations.c.id,
            versions.c.created_at <= recommendations.c.published_at,
        )
        .scalar_subquery()
    )
    rows = bind.execute(
        sa.select(
            recommendations.c.id,
            recommendations.c.version,
            recommendations.c.import_hash,
            older.label("older"),
        ).where(
            recommendations.c.status == "published",
            recommendations.c.published_at.is_not(None),
        )
    ).all()
    chosen = [
        {
            "rid": row.id,
            # an import dated the publication at its session: its versions' times say
            # nothing of it, so only the current text is taken as published
            "pv": row.version
            if row.import_hash is not None
            else (row.older if row.older is not None else 1),
        }
        for row in rows
    ]
    update = (
        recommendations.update()
        .where(recommendations.c.id == sa.bindparam("rid"))
        .values(published_version=sa.bindparam("pv"))
    )
    for start in range(0, len(chosen), 1000):
        bind.execute(update, chosen[start : start + 1000])


def downgrade():
    with rebuilt("recommendations") as batch:
        batch.drop_column("published_version")
