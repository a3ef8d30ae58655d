-- Agreements to link two nodes' records on per-agreement tokens, and the protected counts a hub
-- keeps of each linkage (issue 9, docs/EXCHANGE.md). No token and no score is ever stored here.

CREATE TABLE agreements (
  id VARCHAR(64) PRIMARY KEY,
  -- ISO 3166-1 alpha-3 codes of the reporting countries: A departures, B arrivals or returns.
  party_a VARCHAR(3) NOT NULL,
  party_b VARCHAR(3) NOT NULL,
  -- DEPARTURES_TO_ARRIVALS or RETURNS_TO_DEPARTURES.
  link VARCHAR(32) NOT NULL,
  purpose VARCHAR(2000) NOT NULL,
  valid_from DATE NOT NULL,
  valid_until DATE NOT NULL,
  -- The fields exchanged, joined by commas, e.g. DOCUMENT,NAME_SET+BIRTH_DATE.
  fields VARCHAR(400) NOT NULL,
  -- The id of the agreement key (agr-…); the key itself is in the parties' key stores only.
  key_id VARCHAR(64) NOT NULL,
  added_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT agreements_link CHECK (link IN ('DEPARTURES_TO_ARRIVALS', 'RETURNS_TO_DEPARTURES')),
  CONSTRAINT agreements_validity CHECK (valid_until >= valid_from)
);

-- One linkage's protected counts: per month of the A event and measure, the published value or
-- NULL when suppressed, with the cell's disclosure-control status.
CREATE TABLE agreement_results (
  agreement VARCHAR(64) NOT NULL,
  computed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  -- yyyy-MM, or _T for all months.
  period VARCHAR(7) NOT NULL,
  -- MATCHED, A_UNMATCHED, B_UNMATCHED, or _T for their sum.
  measure VARCHAR(16) NOT NULL,
  obs_value BIGINT,
  status VARCHAR(32) NOT NULL,
  PRIMARY KEY (agreement, computed_at, period, measure)
);
