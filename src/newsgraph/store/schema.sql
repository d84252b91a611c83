-- newsgraph store schema (DuckDB). One row set per analysed article; every table carries
-- article_id. Offsets are Python str indices into articles.body, end exclusive.
-- The full analysis JSON (contract newsgraph.analysis/1) is kept in articles.analysis_json,
-- so the flat tables are for SQL and the JSON is the lossless record.

CREATE TABLE IF NOT EXISTS articles (
    article_id            VARCHAR PRIMARY KEY,  -- the input's id, else a content hash
    url                   VARCHAR,
    title                 VARCHAR,
    published             VARCHAR,              -- YYYY-MM-DD or NULL
    author                VARCHAR,
    site                  VARCHAR,
    sections              VARCHAR,              -- JSON list of strings
    language              VARCHAR,
    subheadings           VARCHAR,              -- JSON list of {text, start, end}
    reading_time_minutes  INTEGER,
    comment_count         INTEGER,
    body                  VARCHAR,              -- the article text, furniture removed
    n_actors              INTEGER,
    n_events              INTEGER,
    n_quotes              INTEGER,
    n_findings            INTEGER,
    analysis_json         VARCHAR,              -- the whole analysis, one JSON object
    body_hash             VARCHAR,              -- normalised-text hash: identical bodies are stored once
    pipeline_version      VARCHAR,              -- newsgraph version that produced the analysis
    fingerprint           UBIGINT,              -- 64-bit SimHash of the body: near-duplicates are a few bits apart
    stored_at             TIMESTAMP DEFAULT current_timestamp
);

-- Canonical actors of one article (a1, a2, ...), with CAMEO-style codes.
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, actor_id VARCHAR, code VARCHAR, country VARCHAR, role VARCHAR,
    name VARCHAR, kind VARCHAR, n_mentions INTEGER,
    PRIMARY KEY (article_id, actor_id)
);

-- Every mention of an actor (coreferent short forms included).
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR
);

-- Events: source → PLOVER type → target, with CAMEO, Goldstein, QuadClass, status and date.
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, event_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
    goldstein DOUBLE, quad_class INTEGER,
    source VARCHAR, target VARCHAR,        -- JSON lists of actor ids of this article
    status VARCHAR, date_start VARCHAR, date_end VARCHAR, time_id VARCHAR, place_id VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    span_start INTEGER, span_end INTEGER, confidence DOUBLE,
    published VARCHAR,                     -- the article's date, for partitioning and trends
    PRIMARY KEY (article_id, event_id)
);

-- Quotes (direct, partial, indirect) with speaker and channel actor ids.
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_id VARCHAR, kind VARCHAR, text VARCHAR,
    "start" INTEGER, "end" INTEGER, speaker VARCHAR, via VARCHAR,
    cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR,
    PRIMARY KEY (article_id, quote_id)
);

-- Attributed claims ("according to", "officials said") and their sources.
CREATE TABLE IF NOT EXISTS claims (
    article_id VARCHAR, claim_id VARCHAR, source VARCHAR, source_text VARCHAR,
    source_kind VARCHAR, span_start INTEGER, span_end INTEGER,
    cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR,
    PRIMARY KEY (article_id, claim_id)
);

-- Time expressions with TIMEX3 values and ISO intervals.
CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR, time_id VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER,
    type VARCHAR, timex VARCHAR, interval_start VARCHAR, interval_end VARCHAR,
    PRIMARY KEY (article_id, time_id)
);

-- Toponyms resolved against the offline gazetteer.
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, place_id VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER,
    name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, gazetteer_id VARCHAR,
    feature VARCHAR,
    PRIMARY KEY (article_id, place_id)
);

-- What a careful editor would flag.
CREATE TABLE IF NOT EXISTS findings (
    article_id VARCHAR, finding_id VARCHAR, kind VARCHAR, message VARCHAR,
    spans VARCHAR,                         -- JSON list of {start, end}
    severity VARCHAR,
    PRIMARY KEY (article_id, finding_id)
);

-- Inputs that could not be read, so that no document is dropped silently.
CREATE TABLE IF NOT EXISTS input_errors (
    source VARCHAR, reason VARCHAR, seen_at TIMESTAMP DEFAULT current_timestamp
);

-- Near-duplicate articles (same story, slightly different text), linked not merged.
CREATE TABLE IF NOT EXISTS near_duplicates (
    article_id VARCHAR, other_id VARCHAR, similarity DOUBLE,
    PRIMARY KEY (article_id, other_id)
);
