# Reference numbers from R for Trygg's analysis tests. Inputs are real: Stockholm police events of the demo archive,
# counted per stadsdelsområde and month (April 2023 – March 2026) and per stadsdel, as placed from their text.
# Run from this folder:  Rscript peer.R   (Debian's r-base-core; writes peer-*.csv and peer-versions.txt)
monthly <- read.csv("monthly-counts-by-district.csv", stringsAsFactors = FALSE)
stadsdelar <- read.csv("counts-by-stadsdel.csv", stringsAsFactors = FALSE)

trend <- do.call(rbind, lapply(split(monthly, monthly$district), function(d) {
  d <- d[order(d$month), ]
  test <- cor.test(seq_along(d$count), d$count, method = "kendall", exact = FALSE, continuity = TRUE)
  data.frame(district = d$district[1], tau = unname(test$estimate), p = test$p.value)
}))
write.csv(trend, "peer-trend.csv", row.names = FALSE)

change <- do.call(rbind, lapply(split(monthly, monthly$district), function(d) {
  before <- sum(d$count[d$month >= "2024-04" & d$month <= "2025-03"])
  after <- sum(d$count[d$month >= "2025-04" & d$month <= "2026-03"])
  test <- poisson.test(c(after, before), c(1, 1))
  data.frame(district = d$district[1], before = before, after = after, ratio = unname(test$estimate), p = test$p.value)
}))
write.csv(change, "peer-change.csv", row.names = FALSE)

x <- sort(stadsdelar$count)
n <- length(x)
gini <- sum((2 * seq_len(n) - n - 1) * x) / (n * sum(x))
busiest <- cumsum(sort(x, decreasing = TRUE)) / sum(x)
share <- function(s) which(busiest >= s)[1] / n
write.csv(data.frame(gini = gini, places_holding_25 = share(0.25), places_holding_50 = share(0.5)), "peer-concentration.csv", row.names = FALSE)

writeLines(R.version.string, "peer-versions.txt")
