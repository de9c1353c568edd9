# R side of analyze-vs-r.sh: runs the R script PainLab writes with `stats analyze --out analysis.R`
# (base R only: Shapiro-Wilk per arm, Student/Welch after Levene, Mann-Whitney, chi-square/Fisher,
# paired t or signed-rank, with PainLab's choices) on the ORIGINAL data CSV, not PainLab's copy of it.
# Phases as on PainLab's side: read_s = CSV text to typed columns (read.csv, and as.numeric of the numeric
# columns, as PainLab's read parses them); analysis_s = typed columns to P values (split by arm, tests).
# usage: Rscript analyze_r.R DATA.csv ANALYSIS.R OUT.json
args <- commandArgs(TRUE)
script <- readLines(args[2], encoding = "UTF-8")
start <- grep("^res <- data.frame", script)
end <- grep("^res\\$rel_diff", script) - 1
# the helpers (num, by_arm, levene, count_table, ...) are defined between read.csv and `res <-`
helpers <- script[(grep("^d <- read.csv", script) + 1):(start - 1)]
helpers <- helpers[!grepl("^d <- d\\[d\\[\\[\"pop:", helpers)]
read_time <- system.time({
  d <- read.csv(args[1], colClasses = "character", na.strings = c("", "NA", "N/A", "NaN", "."),
                check.names = FALSE, encoding = "UTF-8")
  # PainLab's copy names a paired variable's columns VARIABLE@COLUMN: the same columns here
  for (m in unique(regmatches(script, gregexpr('"[A-Za-z0-9_.]+@[A-Za-z0-9_.]+"', script)))) {
    for (q in m) { q <- gsub('"', "", q); d[[q]] <- d[[sub(".*@", "", q)]] }
  }
  # text to numbers belongs to the read on both sides: PainLab's read_s parses the numeric columns, so here
  # the columns the script takes through num() are made numeric once, and num()'s as.numeric is then a no-op
  for (q in unique(unlist(regmatches(script, gregexpr('num\\("[^"]+"\\)', script))))) {
    q <- sub('^num\\("', "", sub('"\\)$', "", q)); d[[q]] <- as.numeric(d[[q]])
  }
})
eval(parse(text = helpers), envir = globalenv())
analysis_time <- system.time(eval(parse(text = script[start:end]), envir = globalenv()))
con <- file(args[3], "w")
cpu <- function(t) t[["user.self"]] + t[["sys.self"]]
cat(sprintf('{"read_s": %.6f, "analysis_s": %.6f, "read_cpu_s": %.6f, "analysis_cpu_s": %.6f, "p": {',
            read_time[["elapsed"]], analysis_time[["elapsed"]], cpu(read_time), cpu(analysis_time)), file = con)
cat(paste(sprintf('"%s": %.17g', res$id, res$p_r), collapse = ", "), file = con)
cat("}}\n", file = con)
close(con)
