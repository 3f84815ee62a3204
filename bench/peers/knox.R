# surveillance::knox on the first EVENTS of the events `trygg bench knox --write-data DIR` timed, one band: <= 200 m and <= 7 days.
# Usage: Rscript knox.R DIR EVENTS   (appends "tool,what,seconds" lines to DIR/timings.csv; called by bench/peers.sh)
# surveillance::knox takes the distances of all n(n-1)/2 pairs as vectors and permutes them, so its memory and time grow with the
# pairs: 45,000 events would be 1.01 billion pairs, two 8 GB distance vectors and a billion-element shuffle per permutation.
suppressMessages(library(surveillance))
args <- commandArgs(TRUE)
dir <- args[1]; events <- as.integer(args[2])
timing <- function(tool, what, seconds) cat(sprintf("%s,%s,%.3f\n", tool, what, seconds), file = file.path(dir, "timings.csv"), append = TRUE)

all <- read.csv(file.path(dir, "knox-events.csv"))
subset <- all[seq_len(events), ]
distances <- system.time({
  ds <- c(dist(cbind(subset$x, subset$y)))
  dt <- c(dist(subset$day))
})[["elapsed"]]
set.seed(1)
seconds <- system.time(result <- knox(dt, ds, eps.t = 7, eps.s = 200, simulate.p.value = TRUE, B = 999, .parallel = 2, .verbose = FALSE))[["elapsed"]]
timing("surveillance", sprintf("knox-1x1-%d", events), seconds)
timing("surveillance", sprintf("knox-distances-%d", events), distances)
trygg <- read.csv(file.path(dir, sprintf("knox-trygg-1x1-%d.csv", events)))
cat(sprintf("surveillance knox, %d events (%.0f pairs), <= 200 m and <= 7 days, B = 999 on 2 cores: %.2f s (+ %.2f s for the pair distances); %d close pairs (Trygg %d), expected %.2f (Trygg %.2f), p %.3f (Trygg %.3f)\n",
  events, length(ds), seconds, distances, as.integer(result$statistic), trygg$observed, result$null.value, trygg$expected, result$p.value, trygg$p))
stopifnot(as.integer(result$statistic) == trygg$observed)
writeLines(c(R.version.string, paste("surveillance", packageVersion("surveillance"))), file.path(dir, "versions-knox.txt"))
