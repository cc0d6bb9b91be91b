-- Synthetic referral rows for the DuckDB-WASM / native / Arquero comparison: the columns the notebooks aggregate
-- (received date and month, area, Lot, outcome), seven financial years from April 2018, four areas, four Lots.
-- Deterministic: every value is a hash of its own number derived from the row number (hash(i * 4 + k): one call
-- per column, because hash(i, 2) and hash(i, 3) share their low bits and gave only 4 of the 16 area x Lot pairs).
-- Stored as a warehouse would type them: area, Lot and outcome are ENUM columns (one byte each, compared and
-- hashed as integers, not strings), and the month of receipt is an integer key beside the day (year * 12 + month
-- - 1), as the forecast aggregates the notebooks read carry a month column instead of truncating a date on every
-- query. {{rows}} is replaced by the row count.
-- Session setting, the same in both engines: allow DuckDB's perfect hash aggregation (an array indexed by the
-- group keys' values, no hashing) for up to 16 bits of group keys; month x area x Lot needs 14 (84 months, 4 areas,
-- 4 Lots, each with a NULL slot), one more than the default of 12 allows.
SET perfect_ht_threshold = 16;
DROP TABLE IF EXISTS referrals;
DROP TYPE IF EXISTS area_code_t;
DROP TYPE IF EXISTS lot_code_t;
DROP TYPE IF EXISTS outcome_t;
CREATE TYPE area_code_t AS ENUM ('EAST', 'NORTH', 'SOUTH', 'WEST');
CREATE TYPE lot_code_t AS ENUM ('LOT1', 'LOT2', 'LOT3', 'LOT4');
CREATE TYPE outcome_t AS ENUM ('declined', 'placed', 'waiting', 'withdrawn');
CREATE TABLE referrals AS
WITH raw AS (
  SELECT
    CAST(DATE '2018-04-01' + CAST(hash(i * 4) % 2557 AS INTEGER) AS DATE) AS received_date,
    ['NORTH', 'SOUTH', 'EAST', 'WEST'][CAST(hash(i * 4 + 1) % 4 AS INTEGER) + 1] AS area_code,
    ['LOT1', 'LOT2', 'LOT3', 'LOT4'][CAST(hash(i * 4 + 2) % 4 AS INTEGER) + 1] AS lot_code,
    ['placed', 'placed', 'waiting', 'declined', 'withdrawn'][CAST(hash(i * 4 + 3) % 5 AS INTEGER) + 1] AS outcome
  FROM range({{rows}}) AS t(i)
)
SELECT
  received_date,
  (year(received_date) * 12 + month(received_date) - 1)::INTEGER AS month_index,
  CAST(area_code AS area_code_t) AS area_code,
  CAST(lot_code AS lot_code_t) AS lot_code,
  CAST(outcome AS outcome_t) AS outcome
FROM raw
