# Kernel density (spatstat) and Gi* (spdep) on the data `trygg bench spatial --write-data DIR` timed.
# Usage: Rscript spatial.R DIR   (appends "tool,what,seconds" lines to DIR/timings.csv; called by bench/peers.sh)
suppressMessages({ library(spatstat.geom); library(spatstat.explore); library(spdep) })
dir <- commandArgs(TRUE)[1]
timing <- function(tool, what, seconds) cat(sprintf("%s,%s,%.3f\n", tool, what, seconds), file = file.path(dir, "timings.csv"), append = TRUE)
note <- function(...) cat(sprintf(...), "\n", sep = "")

# Kernel density: 1,000,000 points, 1000 x 1000 cells of 30 m from (660000, 6570000), quartic kernel of support radius 300 m.
# spatstat's quartic kernel is (3/pi)(1 - r^2)^2 on the unit disc scaled so that its standard deviation is sigma; that kernel's
# standard deviation is 1/sqrt(8), so a support radius of 300 m is sigma = 300/sqrt(8) = 106.07 m. No edge correction (Trygg has
# none). spatstat convolves by FFT after moving every point to its pixel's centre, so it is close to the exact sum, not equal.
points <- read.csv(file.path(dir, "kde-points.csv"))
trygg <- read.csv(file.path(dir, "kde-trygg.csv"))
window <- owin(c(660000, 690000), c(6570000, 6600000))
pattern <- ppp(points$x, points$y, window = window, check = FALSE)
seconds <- system.time(density <- density.ppp(pattern, sigma = 300 / sqrt(8), kernel = "quartic", edge = FALSE, dimyx = c(1000, 1000)))[["elapsed"]]
timing("spatstat", "kde", seconds)
perKm2 <- as.vector(t(density$v)) * 1e6 # im rows go south to north like Trygg's cells; per m^2 -> per km^2
stopifnot(all(abs(density$xcol - (660015 + 30 * 0:999)) < 1e-6), all(abs(density$yrow - (6570015 + 30 * 0:999)) < 1e-6))
difference <- abs(perKm2 - trygg$density)
note("spatstat density.ppp: %.2f s; against Trygg's exact sum: max |difference| %.2f per km^2 (%.2f %% of the largest density %.0f), mean %.3f",
  seconds, max(difference), 100 * max(difference) / max(trygg$density), max(trygg$density), mean(difference))
cat(sprintf("%.1f (%.1f %% of the largest)\n", max(difference), 100 * max(difference) / max(trygg$density)), file = file.path(dir, "kde-spatstat-maxdiff.txt"))
rm(points, pattern, density, trygg, perKm2, difference); invisible(gc())

# Gi*: 600 x 400 cells of 50 m, binary weights within 300 m with the cell itself (include.self), as Trygg's GetisOrdGiStar.
cells <- read.csv(file.path(dir, "gi-cells.csv"))
seconds <- system.time({
  neighbours <- dnearneigh(cbind(cells$x, cells$y), 0, 300 + 1e-6)
  weights <- nb2listw(include.self(neighbours), style = "B")
})[["elapsed"]]
timing("spdep", "gi-neighbours", seconds)
note("spdep dnearneigh + include.self + nb2listw (style B): %.2f s, %d links", seconds, sum(card(weights$neighbours)))
seconds <- system.time(z <- as.numeric(localG(cells$count, weights)))[["elapsed"]]
adjusted <- p.adjust(2 * pnorm(-abs(z)), method = "BH")
timing("spdep", "gi-localG", seconds)
note("spdep localG: %.2f s; against Trygg: max |z difference| %.2g, max |FDR p difference| %.2g", seconds, max(abs(z - cells$z)), max(abs(adjusted - cells$p_fdr)))
writeLines(c(R.version.string, paste("spatstat", packageVersion("spatstat")), paste("spatstat.explore", packageVersion("spatstat.explore")),
  paste("spdep", packageVersion("spdep"))), file.path(dir, "versions-spatial.txt"))
