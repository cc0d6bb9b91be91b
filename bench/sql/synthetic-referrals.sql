-- Synthetic referral rows for the DuckDB-WASM / native / Arquero comparison: the columns the notebooks aggregate
-- (received date, area, Lot, outcome), seven financial years from April 2018, four areas, four Lots. Deterministic:
-- every value is a hash of the row number. {{rows}} is replaced by the row count.
CREATE OR REPLACE TABLE referrals AS
SELECT
  CAST(DATE '2018-04-01' + CAST(hash(i, 1) % 2557 AS INTEGER) AS DATE) AS received_date,
  ['NORTH', 'SOUTH', 'EAST', 'WEST'][CAST(hash(i, 2) % 4 AS INTEGER) + 1] AS area_code,
  ['LOT1', 'LOT2', 'LOT3', 'LOT4'][CAST(hash(i, 3) % 4 AS INTEGER) + 1] AS lot_code,
  ['placed', 'placed', 'waiting', 'declined', 'withdrawn'][CAST(hash(i, 4) % 5 AS INTEGER) + 1] AS outcome
FROM range({{rows}}) AS t(i)
