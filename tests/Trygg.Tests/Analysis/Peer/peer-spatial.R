# Reference numbers from R for Gi* and kernel density, on the real Chicago arson points of shared/data/nearrepeat.
# Run from this folder:  Rscript peer-spatial.R   (Debian's r-base-core and r-cran-spdep; writes peer-spatial.csv)
suppressMessages(library(spdep))
points <- read.csv("../../../../../shared/data/nearrepeat/chicago_arson.csv", header = FALSE, col.names = c("x", "y", "date"))
cell <- 250; band <- 500; radius <- 1000

origin_x <- floor(min(points$x) / cell) * cell
origin_y <- floor(min(points$y) / cell) * cell
columns <- floor((max(points$x) - origin_x) / cell) + 1
rows <- floor((max(points$y) - origin_y) / cell) + 1
n <- columns * rows
index <- floor((points$y - origin_y) / cell) * columns + floor((points$x - origin_x) / cell) + 1
counts <- tabulate(index, nbins = n)
centre_x <- origin_x + ((0:(n - 1)) %% columns + 0.5) * cell
centre_y <- origin_y + ((0:(n - 1)) %/% columns + 0.5) * cell

# Gi*: binary weights within the band, the cell itself included.
neighbours <- dnearneigh(cbind(centre_x, centre_y), 0, band + 1e-6)
weights <- nb2listw(include.self(neighbours), style = "B", zero.policy = TRUE)
z <- as.numeric(localG(counts, weights, zero.policy = TRUE))
adjusted <- p.adjust(2 * pnorm(-abs(z)), method = "BH")

# Quartic kernel density as ArcGIS defines it, per km², summed exactly over all points.
density <- vapply(seq_len(n), function(i) {
  u <- ((points$x - centre_x[i])^2 + (points$y - centre_y[i])^2) / radius^2
  sum(ifelse(u < 1, 3 / pi * (1 - u)^2, 0)) / radius^2 * 1e6
}, numeric(1))

write.csv(data.frame(cell = 0:(n - 1), count = counts, z = z, p_adjusted = adjusted, density = density), "peer-spatial.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("spdep", packageVersion("spdep"))), "peer-spatial-versions.txt")

# ArcGIS Pro's Kernel Density defaults for the same points: the cell is the extent's shorter side / 250, the search radius
# 0.9 · min(SD, √(1/ln 2) · Dm) · n^-0.2 (SD the standard distance, Dm the median distance from the mean centre).
distance <- sqrt((points$x - mean(points$x))^2 + (points$y - mean(points$y))^2)
defaults <- data.frame(
  cell = min(diff(range(points$x)), diff(range(points$y))) / 250,
  radius = 0.9 * min(sqrt(sum(distance^2) / nrow(points)), sqrt(1 / log(2)) * median(distance)) * nrow(points)^-0.2)
write.csv(defaults, "peer-kde-defaults.csv", row.names = FALSE)
