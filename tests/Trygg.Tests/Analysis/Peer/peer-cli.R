# Reference numbers from R for the `trygg analyze trend` test: the whole city's monthly series, April 2023 – March 2026, of
# stockholm-events-by-stadsdel.csv (real police events placed in a stadsdel; see export-stockholm-events.sh), its Kendall
# trend as peer.R computes it, and the last 12 months against the 12 before with poisson.test.
# Run from this folder:  Rscript peer-cli.R   (Debian's r-base-core; writes peer-cli-trend.csv and peer-cli-versions.txt)
events <- read.csv("stockholm-events-by-stadsdel.csv", stringsAsFactors = FALSE)
months <- format(seq(as.Date("2023-04-01"), as.Date("2026-03-01"), by = "month"), "%Y-%m")
counts <- as.vector(table(factor(substr(events$date, 1, 7), levels = months)))
trend <- cor.test(seq_along(counts), counts, method = "kendall", exact = FALSE, continuity = TRUE)
before <- sum(counts[13:24])
after <- sum(counts[25:36])
change <- poisson.test(c(after, before), c(1, 1))
write.csv(data.frame(months = length(counts), events = sum(counts), tau = unname(trend$estimate), trend_p = trend$p.value,
                     before = before, after = after, ratio = unname(change$estimate), change_p = change$p.value),
          "peer-cli-trend.csv", row.names = FALSE)
writeLines(R.version.string, "peer-cli-versions.txt")
