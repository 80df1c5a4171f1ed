-- The same aggregations as the product's DuckDB path, written by hand for the benchmark: read the
-- extract, classify each pathway as the port documents (PathwayGroups, the lookup), and compute per
-- group of every breakdown the number waiting, median and 92nd percentile wait (quantile_cont), and
-- the numbers over 18 and 52 weeks, plus the group x treatment function counts. No validation
-- beyond what the casts need, no disclosure control: the floor the product is measured against.
-- Run: duckdb -c ".read bench/equity/handwritten.sql" with the variables below replaced by run.sh.
SET memory_limit = '__MEMORY__';
SET threads = 2;
CREATE TABLE lookup AS SELECT * FROM read_csv('__LOOKUP__', header = true);
CREATE TABLE p AS
SELECT DATE '__CENSUS__' - CAST(clock_start AS DATE) AS wait,
       CAST(l.imd_quintile AS VARCHAR) AS imd_quintile,
       CAST(l.imd_decile AS VARCHAR) AS imd_decile,
       CAST(l.ics_fifth AS VARCHAR) AS ics_fifth,
       CASE WHEN upper(ethnicity) IN ('A', 'B', 'C') THEN 'White'
            WHEN upper(ethnicity) IN ('D', 'E', 'F', 'G') THEN 'Mixed'
            WHEN upper(ethnicity) IN ('H', 'J', 'K', 'L') THEN 'Asian'
            WHEN upper(ethnicity) IN ('M', 'N', 'P') THEN 'Black'
            WHEN upper(ethnicity) IN ('R', 'S') THEN 'Other' ELSE 'Not stated' END AS ethnicity,
       CASE upper(first_language_english) WHEN 'Y' THEN 'Yes' WHEN 'N' THEN 'No' ELSE 'Not recorded' END AS language,
       CASE upper(learning_disability) WHEN 'Y' THEN 'Yes' WHEN 'N' THEN 'No' ELSE 'Not recorded' END AS learning_disability,
       CASE upper(mental_health) WHEN 'Y' THEN 'Yes' WHEN 'N' THEN 'No' ELSE 'Not recorded' END AS mental_health,
       CASE WHEN age IS NULL THEN 'Not known' WHEN CAST(age AS INTEGER) < 18 THEN '0-17'
            WHEN CAST(age AS INTEGER) < 40 THEN '18-39' WHEN CAST(age AS INTEGER) < 60 THEN '40-59'
            WHEN CAST(age AS INTEGER) < 75 THEN '60-74' ELSE '75+' END AS age_band,
       CASE WHEN upper(sex) IN ('1', 'M') THEN 'Male' WHEN upper(sex) IN ('2', 'F') THEN 'Female'
            WHEN sex = '9' THEN 'Indeterminate' ELSE 'Not known' END AS sex,
       l.sub_icb_code AS sub_icb, l.lad_code AS district, upper(treatment_function) AS treatment_function
FROM read_csv('__EXTRACT__', header = true, all_varchar = true) e
JOIN lookup l ON l.lsoa_code = upper(trim(e.lsoa_code));
CREATE TABLE groups AS
SELECT GROUPING(imd_quintile, imd_decile, ics_fifth, ethnicity, language, learning_disability, mental_health,
                age_band, sex, sub_icb, district, treatment_function) AS set_id,
       imd_quintile, imd_decile, ics_fifth, ethnicity, language, learning_disability, mental_health,
       age_band, sex, sub_icb, district, treatment_function,
       count(*) AS waiting, quantile_cont(wait, 0.5) AS median_days, quantile_cont(wait, 0.92) AS p92_days,
       count_if(wait > 126) AS over_18_weeks, count_if(wait > 364) AS over_52_weeks
FROM p
GROUP BY GROUPING SETS ((imd_quintile), (imd_decile), (ics_fifth), (ethnicity), (language), (learning_disability),
  (mental_health), (age_band), (sex), (sub_icb), (district), (treatment_function), (ethnicity, ics_fifth),
  (learning_disability, age_band), ());
CREATE TABLE functions AS
SELECT imd_quintile, imd_decile, ics_fifth, ethnicity, language, learning_disability, mental_health,
       age_band, sex, sub_icb, district, treatment_function, count(*) AS waiting, count_if(wait > 126) AS over_18_weeks
FROM p
GROUP BY GROUPING SETS ((imd_quintile, treatment_function), (imd_decile, treatment_function),
  (ics_fifth, treatment_function), (ethnicity, treatment_function), (language, treatment_function),
  (learning_disability, treatment_function), (mental_health, treatment_function), (age_band, treatment_function),
  (sex, treatment_function), (sub_icb, treatment_function), (district, treatment_function));
SELECT count(*) AS group_rows, sum(waiting) FILTER (WHERE set_id = 4095) AS pathways FROM groups;
