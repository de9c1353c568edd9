# Benchmark harness (not product code): integrates a generated right-hand side (sbml2code.py) with R's deSolve
# (lsoda; bdf = lsode with the BDF method and internally generated full Jacobian) to the output times; a timed
# event applies its assignments through deSolve's events (func). One line per repetition, the integration only:
#   T desolve <method> <model> <rtol> <milliseconds>
# usage: Rscript desolve_bench.R GENDIR MODEL METHOD RTOL ATOL DURATION STEPS REPS OUT.csv
suppressPackageStartupMessages(library(deSolve))
a <- commandArgs(trailingOnly = TRUE)
gendir <- a[1]; model <- a[2]; method <- a[3]; rtol <- as.numeric(a[4]); atol <- as.numeric(a[5])
duration <- as.numeric(a[6]); steps <- as.integer(a[7]); reps <- as.integer(a[8]); out <- a[9]
source(file.path(gendir, paste0(model, ".R")))
meta <- readLines(file.path(gendir, paste0(model, ".json")), warn = FALSE)
num <- function(key) {
  m <- regmatches(meta, regexpr(paste0('"', key, '": \\[[^]]*\\]'), meta))
  s <- sub('^[^[]*\\[', '', sub('\\]$', '', m))
  if (nchar(s) == 0) numeric(0) else as.numeric(strsplit(s, ",")[[1]])
}
states <- strsplit(gsub('"| ', '', sub('^[^[]*\\[', '', sub('\\].*$', '', sub('^.*"states": ', '', meta)))), ",")[[1]]
y0 <- num("y0"); evts <- num("events")
times <- duration * (0:steps) / steps
rhs <- get(paste0("rhs_", model)); ev <- get(paste0("event_", model))
keep <- which(evts >= 0 & evts <= duration)
events <- NULL
if (length(keep) > 0) {
  evfun <- function(t, y, parms) {
    for (k in keep) if (abs(evts[k] - t) <= 1e-12 * max(1, abs(t))) y <- ev(k - 1, t, y)
    y
  }
  events <- list(func = evfun, time = evts[keep])
}
integrate <- function() {
  if (method == "bdf") {
    ode(y0, times, rhs, NULL, method = "bdf", rtol = rtol, atol = atol, events = events, maxsteps = 1e6)
  } else {
    ode(y0, times, rhs, NULL, method = method, rtol = rtol, atol = atol, events = events, maxsteps = 1e6)
  }
}
res <- integrate()  # warm-up (byte compilation of the closures)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  res <- integrate()
  cat(sprintf("T desolve %s %s %g %.4f\n", method, model, rtol, (proc.time()[["elapsed"]] - t0) * 1e3))
}
res <- as.matrix(res)
colnames(res) <- c("time", states)
write.csv(res, out, row.names = FALSE, quote = FALSE)
