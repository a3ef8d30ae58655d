-- The pipeline's floor (issue 11): the crossings cube by reporting country, month, direction,
-- sex, five-year age group and citizenship, with the 12/16-month classes, computed by hand in
-- DuckDB SQL straight from the simulator's truth, whose traveller ids make linkage unnecessary.
-- No linkage, no classification, no disclosure control: what a statistics office would write if
-- it already knew who is who. Run by org.puente.bench.TruthCubes with file_search_path set to
-- the region's truth/ folder; the counters are those of truth/crossings_by_month.csv and
-- truth/migrants_12_16.csv, which TruthCubesTest checks cell by cell.
CREATE TABLE crossings_cube AS
WITH crossing AS (
  SELECT c.country,
         strftime(c.date, '%Y-%m') AS month,
         c.direction,
         t.sex,
         date_sub('year', CAST(t.birth_date AS DATE), c.date) AS age,
         t.citizenship,
         c.recorded,
         c.class = 'LONG_TERM' AS long_term
  FROM read_csv('crossings.csv', header = true,
                columns = {'traveller_id': 'VARCHAR', 'seq': 'INTEGER', 'date': 'DATE',
                           'country': 'VARCHAR', 'direction': 'VARCHAR', 'port': 'VARCHAR',
                           'counterpart': 'VARCHAR', 'recorded': 'BOOLEAN', 'class': 'VARCHAR',
                           'class_at_end': 'VARCHAR'}) AS c
  JOIN read_csv('travellers.csv', header = true, all_varchar = true) AS t
    ON t.traveller_id = c.traveller_id
)
SELECT country,
       month,
       direction,
       sex,
       CASE WHEN age >= 100 THEN 'Y_GE100'
            ELSE 'Y' || (age // 5 * 5) || 'T' || (age // 5 * 5 + 4) END AS age_group,
       citizenship,
       count(*) AS true_crossings,
       count(*) FILTER (WHERE recorded) AS recorded_crossings,
       count(*) FILTER (WHERE long_term) AS long_term,
       count(*) FILTER (WHERE NOT long_term) AS short_term
FROM crossing
GROUP BY ALL;
