# The same aggregations as the product's DuckDB path in R data.table, for the benchmark:
# Rscript bench/equity/datatable.R EXTRACT LOOKUP CENSUS_DATE
# Reads the extract, classifies each pathway as the port documents (PathwayGroups and the
# neighbourhood lookup), then per group of every breakdown: number waiting, median and 92nd
# percentile wait (quantile type 7), over 18 and over 52 weeks; and group x treatment function
# counts. No validation and no disclosure control (the product does both).
suppressPackageStartupMessages(library(data.table))
setDTthreads(2)
args <- commandArgs(trailingOnly = TRUE)
started <- Sys.time()
census <- as.IDate(args[3])
lookup <- fread(args[2], colClasses = "character")
dt <- fread(args[1], colClasses = "character", na.strings = NULL)
dt[, lsoa_code := toupper(trimws(lsoa_code))]
dt <- lookup[dt, on = "lsoa_code", nomatch = NULL]
dt[, wait := as.integer(census - as.IDate(clock_start))]
dt[, `:=`(
  imd_quintile = imd_quintile, imd_decile = imd_decile, ics_fifth = ics_fifth,
  ethnicity = fcase(toupper(ethnicity) %chin% c("A", "B", "C"), "White",
                    toupper(ethnicity) %chin% c("D", "E", "F", "G"), "Mixed",
                    toupper(ethnicity) %chin% c("H", "J", "K", "L"), "Asian",
                    toupper(ethnicity) %chin% c("M", "N", "P"), "Black",
                    toupper(ethnicity) %chin% c("R", "S"), "Other", default = "Not stated"),
  language = fcase(toupper(first_language_english) == "Y", "Yes",
                   toupper(first_language_english) == "N", "No", default = "Not recorded"),
  learning = fcase(toupper(learning_disability) == "Y", "Yes",
                   toupper(learning_disability) == "N", "No", default = "Not recorded"),
  mental = fcase(toupper(mental_health) == "Y", "Yes",
                 toupper(mental_health) == "N", "No", default = "Not recorded"),
  age_band = fcase(age == "", "Not known", as.integer(age) < 18L, "0-17",
                   as.integer(age) < 40L, "18-39", as.integer(age) < 60L, "40-59",
                   as.integer(age) < 75L, "60-74", default = "75+"),
  sex = fcase(toupper(sex) %chin% c("1", "M"), "Male", toupper(sex) %chin% c("2", "F"), "Female",
              sex == "9", "Indeterminate", default = "Not known"),
  treatment_function = toupper(treatment_function))]
waits <- function(by) {
  dt[, .(waiting = .N,
         median_days = quantile(wait, 0.5, type = 7, names = FALSE),
         p92_days = quantile(wait, 0.92, type = 7, names = FALSE),
         over_18_weeks = sum(wait > 126L), over_52_weeks = sum(wait > 364L)), by = by]
}
one_way <- c("imd_quintile", "imd_decile", "ics_fifth", "ethnicity", "language", "learning",
             "mental", "age_band", "sex", "sub_icb_code", "lad_code", "treatment_function")
groups <- c(lapply(one_way, waits),
            list(waits(c("ethnicity", "ics_fifth")), waits(c("learning", "age_band"))))
total <- dt[, .(waiting = .N, median_days = quantile(wait, 0.5, type = 7, names = FALSE))]
functions <- lapply(setdiff(one_way, "treatment_function"), function(b)
  dt[, .(waiting = .N, over_18_weeks = sum(wait > 126L)), by = c(b, "treatment_function")])
elapsed <- as.numeric(difftime(Sys.time(), started, units = "secs"))
cat(sprintf("R data.table %s rows=%d group rows=%d total=%.2fs\n",
            as.character(packageVersion("data.table")), total$waiting,
            sum(sapply(groups, nrow)), elapsed))
