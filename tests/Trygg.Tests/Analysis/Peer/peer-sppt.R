# Reference numbers for Trygg's spatial point pattern test (SpatialPointPatternTest.cs). The R package sppt
# (wsteenbeek/sppt) is not in Debian, so this is an independent implementation of Andresen's procedure in base R, written
# from the method's description (Andresen 2009; Andresen & Malleson 2011; robust S from Andresen 2016) and the interval
# ranks sppt uses; it shares no code and no random numbers with Trygg.
#
# Input is real: stockholm-events-by-stadsdel.csv (made by export-stockholm-events.sh from the demo police archive through
# Trygg's importer) counted per stadsdel, with all 117 stadsdelar of counts-by-stadsdel.csv as the areas. Two comparisons:
#   periods     base = April 2024 – March 2025, test = April 2025 – March 2026, all categories;
#   categories  base = våld (vald), test = stöld och inbrott (stold-och-inbrott), the whole archive.
# Run from this folder:  Rscript peer-sppt.R   (Debian's r-base-core; writes peer-sppt*.csv and peer-sppt-versions.txt)

samples <- 2000
share <- 0.85
confidence <- 0.95
set.seed(20090101)

events <- read.csv("stockholm-events-by-stadsdel.csv", stringsAsFactors = FALSE)
areas <- read.csv("counts-by-stadsdel.csv", stringsAsFactors = FALSE)$stadsdel
count <- function(rows) as.vector(table(factor(events$stadsdel[rows], levels = areas)))

sppt <- function(name, base, test) {
  k <- round(share * sum(test))
  points <- rep(seq_along(test), test)
  # one column per draw: how many of the k events drawn without replacement fall in each area
  drawn <- vapply(seq_len(samples), function(i) tabulate(sample(points, k), nbins = length(test)), numeric(length(test)))
  tail <- (1 - confidence) / 2 * samples
  ranks <- c(floor(tail + 1e-9) + 1, ceiling(samples - tail - 1e-9))
  bounds <- t(apply(drawn, 1, function(x) sort(x)[ranks]))
  # compared as whole-number cross products: base/B against count/k
  difference <- ifelse(base * k < bounds[, 1] * sum(base), 1, ifelse(base * k > bounds[, 2] * sum(base), -1, 0))
  similar <- difference == 0
  used <- base + test > 0
  list(
    areas = data.frame(comparison = name, stadsdel = areas, base = base, test = test,
                       base_pct = 100 * base / sum(base), test_pct = 100 * test / sum(test),
                       lower_count = bounds[, 1], upper_count = bounds[, 2],
                       lower = 100 * bounds[, 1] / k, upper = 100 * bounds[, 2] / k,
                       exact_lower_count = qhyper(0.025, test, sum(test) - test, k),
                       exact_upper_count = qhyper(0.975, test, sum(test) - test, k),
                       difference = difference),
    summary = data.frame(comparison = name, areas = length(areas), robust_areas = sum(used), base_total = sum(base),
                         test_total = sum(test), sample_size = k, samples = samples,
                         s = mean(similar), robust_s = mean(similar[used])))
}

periods <- sppt("periods",
                count(events$date >= "2024-04-01" & events$date < "2025-04-01"),
                count(events$date >= "2025-04-01" & events$date < "2026-04-01"))
categories <- sppt("categories", count(events$category == "vald"), count(events$category == "stold-och-inbrott"))

write.csv(rbind(periods$areas, categories$areas), "peer-sppt.csv", row.names = FALSE)
write.csv(rbind(periods$summary, categories$summary), "peer-sppt-summary.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("RNGkind:", paste(RNGkind(), collapse = ", ")), "set.seed(20090101), 2000 draws"),
           "peer-sppt-versions.txt")
