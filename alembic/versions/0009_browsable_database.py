"""a database people can browse: claims_view, conflicts_view, groups_view, full-text search
on claim text, and the claim kind "none" renamed "outlet"

Rows are rewritten, none lost: claims of kind "none" (the outlet's own voice) become kind
"outlet", which spreadsheets do not read as an empty cell. The views join what a person
would otherwise join by hand (speaker, outlet, article, topics). Full-text search is an
FTS5 table on SQLite (content="claims", kept current by triggers, so Datasette shows a
search box on claims) and a GIN index on PostgreSQL.

A later migration that rebuilds the claims table in SQLite batch mode must drop the
views and the triggers first and create them again after (SQLite drops a table's
triggers with it, and refuses to rename a table a view names).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 23:00:00
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_VIA = {
    "sqlite": "(select group_concat(value, ' -> ') from json_each(c.via))",
    "postgresql": "(select string_agg(value, ' -> ') from json_array_elements_text(c.via))",
}
_TOPICS = {
    "sqlite": "group_concat(t.name, '; ')",
    "postgresql": "string_agg(t.name, '; ' order by t.name)",
}
_CLAIMS_VIEW = """
create view claims_view as
select c.id, c.text, c.sentence, c.kind, s.name as speaker, {via} as via, c.anonymous,
       o.name as outlet, a.published, a.title, a.url, c.event_date,
       (select {topics} from claim_topics ct join topics t on t.id = ct.topic_id
         where ct.claim_id = c.id) as topics,
       c.article_id
from claims c
join articles a on a.id = c.article_id
left join outlets o on o.id = a.outlet_id
left join claim_speakers cs on cs.claim_id = c.id and cs.position = 0
left join speakers s on s.id = cs.speaker_id
"""
_CONFLICTS_VIEW = """
create view conflicts_view as
select x.id, x.kind, x.reason,
       a.id as a_id, a.text as a_text, a.speaker as a_speaker, a.outlet as a_outlet,
       a.published as a_published, a.sentence as a_sentence,
       b.id as b_id, b.text as b_text, b.speaker as b_speaker, b.outlet as b_outlet,
       b.published as b_published, b.sentence as b_sentence
from conflicts x
join claims_view a on a.id = x.claim_a_id
join claims_view b on b.id = x.claim_b_id
"""
_GROUPS_VIEW = """
create view groups_view as
select g.id as group_id, g.independent as independent_sources, v.id as claim_id, v.text,
       v.speaker, v.kind, v.outlet, v.published, v.title, v.url
from groups g
join group_members gm on gm.group_id = g.id
join claims_view v on v.id = gm.claim_id
"""
_SQLITE_FTS = [
    'create virtual table claims_fts using fts5(text, sentence, content="claims", '
    'content_rowid="id", tokenize="unicode61 remove_diacritics 2")',
    "insert into claims_fts(claims_fts) values ('rebuild')",
    "create trigger claims_fts_insert after insert on claims begin "
    "insert into claims_fts(rowid, text, sentence) values (new.id, new.text, new.sentence); end",
    "create trigger claims_fts_delete after delete on claims begin "
    "insert into claims_fts(claims_fts, rowid, text, sentence) "
    "values ('delete', old.id, old.text, old.sentence); end",
    "create trigger claims_fts_update after update of text, sentence on claims begin "
    "insert into claims_fts(claims_fts, rowid, text, sentence) "
    "values ('delete', old.id, old.text, old.sentence); "
    "insert into claims_fts(rowid, text, sentence) values (new.id, new.text, new.sentence); end",
]
_PG_FTS = ["create index claims_fts_gin on claims "
           "using gin (to_tsvector('simple', text))"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("update claims set kind = 'outlet' where kind = 'none'")
    op.execute(_CLAIMS_VIEW.format(via=_VIA[dialect], topics=_TOPICS[dialect]))
    op.execute(_CONFLICTS_VIEW)
    op.execute(_GROUPS_VIEW)
    for statement in _SQLITE_FTS if dialect == "sqlite" else _PG_FTS:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"drop trigger claims_fts_{trigger}")
        op.execute("drop table claims_fts")
    else:
        op.execute("drop index claims_fts_gin")
    for view in ("groups_view", "conflicts_view", "claims_view"):
        op.execute(f"drop view {view}")
    op.execute("update claims set kind = 'none' where kind = 'outlet'")
